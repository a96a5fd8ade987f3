// The console's modules that these tests import use Vite's `?raw` imports (the printed schema);
// vitest resolves them, and this tells the type checker what they are.
declare module '*?raw' {
  const content: string;
  export default content;
}
