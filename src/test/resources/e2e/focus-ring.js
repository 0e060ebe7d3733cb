// The focused element's focus indicator and its contrast with what surrounds it (WCAG 1.4.11): the outline or
// the last box-shadow layer (where Lumo draws its ring) of the element, its focused inner element and its shadow parts.
() => {
  const rgb = text => {
    let m = text.match(/^rgba?\(([^)]+)\)$/);
    if (m) { const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; }
    m = text.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/);
    if (m) return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : Number(m[4])];
    return null;
  };
  const colours = text => (text.match(/(rgba?\([^)]*\)|color\(srgb[^)]*\))/g) || []).map(rgb).filter(Boolean);
  const over = (c, bg) => [0, 1, 2].map(i => c[i] * c[3] + bg[i] * (1 - c[3]));
  const lum = c => { const ch = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]; };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  let host = document.activeElement;
  if (['INPUT', 'TEXTAREA'].includes(host.tagName) && host.parentElement && host.parentElement.tagName.startsWith('VAADIN-')) host = host.parentElement;
  const inNavbar = host.closest('[slot=navbar]') !== null;
  const hex = getComputedStyle(host).getPropertyValue('--participe-primary').trim();
  const navbarBg = [1, 3, 5].map(i => parseInt(hex.substring(i, i + 2), 16)).concat([1]);
  const background = host.classList.contains('skip-link') ? [255, 255, 255, 1] : inNavbar ? navbarBg : [255, 255, 255, 1];
  const nodes = [host, el, ...(host.shadowRoot ? host.shadowRoot.querySelectorAll("*") : [])].filter(node => node instanceof Element);
  const field = host.shadowRoot && host.shadowRoot.querySelector('[part~=input-field]');
  const boundary = field ? Math.round(ratio(over(rgb(getComputedStyle(field).borderTopColor) || [0,0,0,0], background), background) * 100) / 100 : null;
  const rings = [];
  for (const node of nodes) {
    const style = getComputedStyle(node);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
      const c = rgb(style.outlineColor); if (c && c[3] > 0) rings.push({ where: node.tagName + '.outline', c });
    }
    if (style.boxShadow && style.boxShadow !== 'none') {
      const all = colours(style.boxShadow); const c = all[all.length - 1]; if (c && c[3] > 0) rings.push({ where: node.tagName + '.shadow', c });
    }
  }
  const best = rings.map(r => ({ ...r, ratio: ratio(over(r.c, background), background) })).sort((a, b) => b.ratio - a.ratio);
  return { tag: host.tagName, text: (host.getAttribute('aria-label') || host.textContent || '').trim().slice(0, 40), inNavbar,
           ratio: best.length ? Math.round(best[0].ratio * 100) / 100 : 0, where: best.length ? best[0].where : 'none', boundary };
}
