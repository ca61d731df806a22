/**
 * TensorFlow.js' pure-JS backend greets Node users once with a multi-line banner on console.warn
 * ("install our node backend"). The CLI keeps stderr to one-line messages, so that banner, and
 * only it, is dropped. Installed once; every other warning passes through unchanged.
 */
let installed = false;

export function quietTfjs(): void {
  if (installed) return;
  installed = true;
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (
      typeof args[0] === 'string' &&
      args[0].includes('looks like you are running TensorFlow.js in Node.js')
    )
      return;
    warn(...args);
  };
}
