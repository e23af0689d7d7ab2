/** A QR code drawn from main's module matrix (one SVG path; no script, no image from anywhere). */
export function QrCode({ size, modules, label }: { readonly size: number; readonly modules: string; readonly label: string }) {
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (modules[y * size + x] === '1') path += `M${x} ${y}h1v1h-1z`;
  }
  return (
    <svg className="qr-code" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
