import { createCanvas, loadImage } from '@napi-rs/canvas';
import { writeFileSync } from 'node:fs';
const [src, y, h, out] = process.argv.slice(2);
const img = await loadImage(src);
const c = createCanvas(img.width, Number(h));
c.getContext('2d').drawImage(img, 0, -Number(y));
writeFileSync(out, c.toBuffer('image/png'));
