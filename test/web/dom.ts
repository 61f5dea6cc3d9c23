/**
 * The few browser shapes that the functions run inside the page (page.evaluate) touch. The root tsconfig compiles
 * test/ for Node, without the DOM library; each such function starts with `const w = globalThis as unknown as Win`.
 * Types only: nothing from here may be used at run time inside the page.
 */
export interface El {
  tagName: string;
  textContent: string | null;
  tabIndex: number;
  disabled?: boolean;
  scrollWidth: number;
  clientWidth: number;
  dataset: Record<string, string | undefined>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number; left: number; right: number };
  parentElement: El | null;
  closest(selector: string): El | null;
  blur?(): void;
}

export interface Win {
  document: {
    activeElement: El | null;
    documentElement: { dir: string; lang: string };
    querySelector(selector: string): El | null;
    querySelectorAll(selector: string): ArrayLike<El>;
  };
  getComputedStyle(el: El): { overflow: string; overflowX: string; textOverflow: string; visibility: string; display: string };
  scrollTo(x: number, y: number): void;
  innerWidth: number;
}
