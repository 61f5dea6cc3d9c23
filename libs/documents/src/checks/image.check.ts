import sharp from 'sharp';
import { passed, rejected, type Finding } from './finding';

/**
 * An image must decode completely (not only its header) and be large enough to read. `failOn: 'error'` makes a
 * truncated or corrupt image fail instead of decoding to grey.
 */
export async function checkImage(bytes: Uint8Array, min: { shortSide: number; longSide: number }): Promise<Finding> {
  let width: number;
  let height: number;
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 });
    const meta = await image.metadata();
    await image.stats(); // decodes every pixel
    width = meta.autoOrient?.width ?? meta.width ?? 0;
    height = meta.autoOrient?.height ?? meta.height ?? 0;
  } catch {
    return rejected('content', 'image_undecodable', 'The image cannot be decoded.');
  }
  const short = Math.min(width, height);
  const long = Math.max(width, height);
  if (short < min.shortSide || long < min.longSide) {
    return rejected(
      'content',
      'image_too_small',
      `The image is ${width} x ${height} pixels; at least ${min.shortSide} x ${min.longSide} is needed to read it.`,
    );
  }
  return passed('content');
}
