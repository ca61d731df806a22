/**
 * The project's files as ir's folder filler (fillFolder) takes them: ProjectFile and ProjectCopy
 * are the names this package exports (`@sparsepixels/hls-vivado`), kept for its users.
 */
export type { FolderCopy as ProjectCopy, FolderFile as ProjectFile, StreamedContent, StreamedFile } from '@sparsepixels/ir';
