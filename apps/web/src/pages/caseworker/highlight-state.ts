/** Adds to a Mermaid state diagram a style for the file's current state, so the diagram says "you are here". */
export function highlightState(mermaidSource: string, state: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(state)) return mermaidSource;
  return `${mermaidSource.trimEnd()}\n  classDef current fill:#ffe066,stroke:#e67700,stroke-width:4px,font-weight:bold\n  class ${state} current\n`;
}
