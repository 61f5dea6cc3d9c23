import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createLetterDocument } from './letter-document';
import { PageWriter } from './page-writer';

/** One line of Arabic set by our layout, rendered to pixels with poppler (scripts/ci/pdf-tools.sh installs it). */
async function inkOf(text: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { doc, done } = createLetterDocument({ language: 'ar', title: 'shaping', date: new Date('2026-11-29T00:00:00Z') });
  new PageWriter(doc, 'rtl').paragraph(text, { size: 40 });
  doc.end();
  const dir = mkdtempSync(join(tmpdir(), 'masar-shaping-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), await done);
    execFileSync('pdftoppm', ['-png', '-r', '72', '-gray', '-singlefile', '-x', '0', '-y', '0', '-W', '595', '-H', '160', join(dir, 'a.pdf'), join(dir, 'a')]);
    const { data, info } = await sharp(readFileSync(join(dir, 'a.png'))).greyscale().raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The separate marks of ink on the page (8-connected dark pixels), left to right, with their extent. */
function inkComponents(img: { data: Buffer; width: number; height: number }): { minX: number; maxX: number; size: number }[] {
  const seen = new Uint8Array(img.width * img.height);
  const dark = (i: number) => img.data[i]! < 128;
  const components: { minX: number; maxX: number; size: number }[] = [];
  for (let start = 0; start < seen.length; start++) {
    if (seen[start] || !dark(start)) continue;
    const c = { minX: Infinity, maxX: -Infinity, size: 0 };
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % img.width;
      const y = (i - x) / img.width;
      c.size++;
      c.minX = Math.min(c.minX, x);
      c.maxX = Math.max(c.maxX, x);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= img.width || ny >= img.height) continue;
          const j = ny * img.width + nx;
          if (!seen[j] && dark(j)) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    // Anti-aliasing specks are not letters.
    if (c.size > 10) components.push(c);
  }
  return components.sort((a, b) => a.minX - b.minX);
}

describe('Arabic as printed on a letter', () => {
  it('joins the letters of a word (initial, medial and final forms), where isolated letters stay apart', async () => {
    // م س ا ر: meem, seen and alef join; alef never joins to the left, so reh stands alone. Joined: 2 marks of ink.
    const joined = inkComponents(await inkOf('مسار'));
    const isolated = inkComponents(await inkOf('م س ا ر'));
    expect(isolated).toHaveLength(4);
    expect(joined).toHaveLength(2);
  });

  it('writes the word right to left: its first letters on the right, the lone final reh on the left', async () => {
    const [left, right] = inkComponents(await inkOf('مسار'));
    // The joined meem-seen-alef is much wider than the reh, and it is the one on the right.
    expect(right!.maxX - right!.minX).toBeGreaterThan(2 * (left!.maxX - left!.minX));
    expect(right!.minX).toBeGreaterThan(left!.maxX);
  });
});
