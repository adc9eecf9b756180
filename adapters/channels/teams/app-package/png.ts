import { PNG } from "pngjs";
import { AppError, ErrorCodes } from "../../../../knowledge/index.js";

/** An RGBA image, 8 bits per channel, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  /** width * height * 4 bytes. */
  pixels: Uint8Array;
}

interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  /** 2 = RGB, 6 = RGBA (has an alpha channel). */
  colorType: number;
}

/** Encodes RGBA as a PNG with an alpha channel (pngjs; the icons are drawn by draw-icons.ts). */
export function encodePng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.pixels);
  return PNG.sync.write(png, { colorType: 6 });
}

/** Decodes any PNG into RGBA with its header facts; throws AppError when the bytes are not a PNG. */
export function decodePng(png: Uint8Array): RgbaImage & { info: PngInfo } {
  let decoded: ReturnType<typeof PNG.sync.read>;
  try {
    decoded = PNG.sync.read(Buffer.from(png));
  } catch (error) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, `not a PNG file: ${(error as Error).message}`, { cause: error });
  }
  return {
    width: decoded.width,
    height: decoded.height,
    pixels: new Uint8Array(decoded.data),
    info: { width: decoded.width, height: decoded.height, bitDepth: decoded.depth, colorType: decoded.colorType },
  };
}
