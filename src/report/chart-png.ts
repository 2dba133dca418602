import { Resvg } from '@resvg/resvg-js';

/** Rasterises the report chart with resvg (system fonts; DejaVu Sans on Debian), as PNG bytes. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}
