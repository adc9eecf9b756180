import type { RgbaImage } from "./png.js";

/** The app's accent colour (also the manifest's accentColor). */
const ACCENT = "#1F6FB2";

type Shape = (u: number, v: number) => boolean;

/** A shield in [-1, 1]²: straight sides, a pointed bottom. */
const shield =
  (scale: number): Shape =>
  (u, v) => {
    const y = v / scale;
    const x = Math.abs(u / scale);
    if (y < -0.62 || y > 0.82) return false;
    if (y <= 0.1) return x <= 0.58;
    const t = (y - 0.1) / 0.72;
    return x <= 0.58 * (1 - t * t);
  };

/** A check mark as a thick polyline. */
const check: Shape = (u, v) => near(u, v, -0.26, 0.02, -0.06, 0.24, 0.085) || near(u, v, -0.06, 0.24, 0.3, -0.22, 0.085);

function near(u: number, v: number, x1: number, y1: number, x2: number, y2: number, radius: number): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (x1 + t * dx), v - (y1 + t * dy)) <= radius;
}

const roundedSquare: Shape = (u, v) => {
  const r = 0.28;
  const x = Math.max(Math.abs(u) - (1 - r), 0);
  const y = Math.max(Math.abs(v) - (1 - r), 0);
  return x * x + y * y <= r * r;
};

/** Renders with 4×4 supersampling; `paint` returns RGBA for a sample point or undefined (transparent). */
function render(size: number, paint: (u: number, v: number) => [number, number, number, number] | undefined): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const color = paint(((x + (sx + 0.5) / n) / size) * 2 - 1, ((y + (sy + 0.5) / n) / size) * 2 - 1);
          if (!color) continue;
          r += color[0] * color[3];
          g += color[1] * color[3];
          b += color[2] * color[3];
          a += color[3];
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) pixels.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round(a / (n * n))], i);
    }
  }
  return { width: size, height: size, pixels };
}

const hex = (color: string): [number, number, number] => [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16)) as [number, number, number];

/** The 192×192 colour icon: a white shield with a check on the accent colour (Teams app icon guidelines). */
export function drawColorIcon(): RgbaImage {
  const [r, g, b] = hex(ACCENT);
  const inner = shield(1.05);
  return render(192, (u, v) => {
    if (!roundedSquare(u, v)) return undefined;
    if (inner(u, v + 0.05) && !check(u, v + 0.05)) return [255, 255, 255, 255];
    return [r, g, b, 255];
  });
}

/** The 32×32 outline icon: white only, on a transparent background, as Teams requires. */
export function drawOutlineIcon(): RgbaImage {
  const outer = shield(1.2);
  const inner = shield(0.9);
  return render(32, (u, v) => {
    const y = v + 0.12;
    const ring = outer(u, y) && !inner(u, y);
    return ring || check(u / 0.85, y / 0.85) ? [255, 255, 255, 255] : undefined;
  });
}
