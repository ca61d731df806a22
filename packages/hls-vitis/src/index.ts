import './register';

export { vitisBackend } from './backend';
export { vitisProfile, vitisTemplatesDir } from './vitis-profile';
