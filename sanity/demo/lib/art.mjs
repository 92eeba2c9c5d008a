// Deterministic abstract editorial illustrations, built as SVG strings.
// No text, no external fonts, no randomness beyond a seeded PRNG.
import { createHash } from 'node:crypto'

export const PALETTES = {
  dusk: ['#1d2b53', '#7e2553', '#ff8a5b', '#ffd479', '#f4efe6'],
  teal: ['#0b3c49', '#12747a', '#4fd1c5', '#e9f5db', '#f6c453'],
  sand: ['#f3e3c3', '#e0a96d', '#a0522d', '#5b3a29', '#2f4858'],
  forest: ['#10291f', '#2d6a4f', '#74c69d', '#d8f3dc', '#f2b134'],
  ink: ['#101820', '#2b3a55', '#8ea8c3', '#e6ecf2', '#e4572e'],
  coral: ['#ffe8d6', '#ffb4a2', '#e5989b', '#6d6875', '#2a2438'],
  steel: ['#dfe6ed', '#9fb3c8', '#52667a', '#243447', '#ef8354'],
  meadow: ['#f0f4c3', '#aed581', '#558b2f', '#33691e', '#ff7043'],
  ocean: ['#03045e', '#0077b6', '#00b4d8', '#90e0ef', '#ffd166'],
  plum: ['#2b0f3a', '#5a189a', '#9d4edd', '#e0aaff', '#ffcf56'],
  rust: ['#2e1a12', '#7f2f14', '#c8553d', '#f28f3b', '#ffd5c2'],
  mint: ['#e8f6ef', '#b8dfd8', '#4c9a8f', '#1f4e5f', '#f7a072'],
  night: ['#0d1b2a', '#1b263b', '#415a77', '#778da9', '#e0e1dd'],
  saffron: ['#fff3b0', '#e09f3e', '#9e2a2b', '#540b0e', '#335c67'],
  glacier: ['#f1faff', '#cde7f0', '#7fb3d5', '#2e5c8a', '#1a2b48'],
  olive: ['#3a3b2a', '#6b705c', '#a5a58d', '#ddbea9', '#cb997e'],
  berry: ['#fbeff5', '#f4a6c4', '#c2185b', '#560027', '#00897b'],
  slate: ['#222831', '#393e46', '#00adb5', '#eeeeee', '#ffb703'],
}
export const PALETTE_ORDER = Object.keys(PALETTES)

export function prng(seed) {
  const h = createHash('sha1').update(String(seed)).digest()
  let a = h.readUInt32LE(0)
  return function () {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const f = (n) => (Math.round(n * 10) / 10).toString()

function mk(r) {
  return {
    r,
    range: (a, b) => a + (b - a) * r(),
    int: (a, b) => Math.floor(a + (b - a + 1) * r()),
    pick: (arr) => arr[Math.floor(r() * arr.length)],
  }
}

function background(W, H, p, R, id = 'bg') {
  const ang = R.range(0, 360)
  const rad = (ang * Math.PI) / 180
  const x2 = 50 + 50 * Math.cos(rad),
    y2 = 50 + 50 * Math.sin(rad)
  return {
    defs: `<linearGradient id="${id}" x1="${f(100 - x2)}%" y1="${f(100 - y2)}%" x2="${f(x2)}%" y2="${f(y2)}%"><stop offset="0" stop-color="${p[0]}"/><stop offset="1" stop-color="${p[1]}"/></linearGradient>`,
    body: `<rect width="${W}" height="${H}" fill="url(#${id})"/>`,
  }
}

function lum(hex) {
  const n = parseInt(hex.slice(1), 16)
  return 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)
}
const lightest = (p) => [p[3], p[4], p[2]].reduce((a, b) => (lum(b) > lum(a) ? b : a))

function glow(cx, cy, r, color, id, op = 0.8) {
  return {
    defs: `<radialGradient id="${id}"><stop offset="0" stop-color="${color}" stop-opacity="${op}"/><stop offset="1" stop-color="${color}" stop-opacity="0"/></radialGradient>`,
    body: `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="url(#${id})"/>`,
  }
}

function wavePath(W, H, base, amp, freq, phase, amp2, freq2, phase2) {
  let d = `M -20 ${H + 20} `
  for (let x = -20; x <= W + 20; x += 20) {
    const y = base + amp * Math.sin(x * freq + phase) + amp2 * Math.sin(x * freq2 + phase2)
    d += `L ${x} ${f(y)} `
  }
  return d + `L ${W + 20} ${H + 20} Z`
}

function blob(cx, cy, r, ph1, ph2, k1 = 0.14, k2 = 0.07) {
  let d = ''
  for (let i = 0; i <= 72; i++) {
    const a = (i / 72) * Math.PI * 2
    const rr = r * (1 + k1 * Math.sin(3 * a + ph1) + k2 * Math.sin(5 * a + ph2))
    d += `${i ? 'L' : 'M'} ${f(cx + rr * Math.cos(a))} ${f(cy + rr * Math.sin(a))} `
  }
  return d + 'Z'
}

const KINDS = {
  skyline(W, H, p, R) {
    const out = []
    const defs = []
    const g = glow(R.range(W * 0.2, W * 0.8), R.range(H * 0.2, H * 0.4), 380, lightest(p), 'sun')
    defs.push(g.defs)
    out.push(g.body)
    out.push(`<circle cx="${f(R.range(W * 0.3, W * 0.7))}" cy="${f(H * 0.36)}" r="${f(R.range(90, 150))}" fill="${p[3]}" opacity="0.85"/>`)
    const layers = [
      { col: p[2], op: 0.45, min: 220, max: 520, wmin: 60, wmax: 140 },
      { col: p[1], op: 0.75, min: 160, max: 420, wmin: 70, wmax: 170 },
      { col: p[0], op: 0.95, min: 90, max: 300, wmin: 80, wmax: 200 },
    ]
    layers.forEach((L, li) => {
      let x = -R.range(0, 60)
      let rects = ''
      while (x < W) {
        const w = R.range(L.wmin, L.wmax)
        const h = R.range(L.min, L.max)
        rects += `<rect x="${f(x)}" y="${f(H - h)}" width="${f(w + 2)}" height="${f(h)}"/>`
        if (li === 2 && R.r() < 0.35) {
          rects += `<rect x="${f(x + w / 2 - 3)}" y="${f(H - h - 60)}" width="6" height="60"/>`
        }
        x += w + (R.r() < 0.2 ? R.range(10, 40) : 0)
      }
      out.push(`<g fill="${L.col}" opacity="${L.op}">${rects}</g>`)
    })
    let wins = ''
    for (let i = 0; i < 40; i++) {
      wins += `<rect x="${f(R.range(0, W))}" y="${f(R.range(H - 260, H - 30))}" width="10" height="14"/>`
    }
    out.push(`<g fill="${p[4]}" opacity="0.7">${wins}</g>`)
    return { defs, out }
  },

  waves(W, H, p, R) {
    const out = [],
      defs = []
    const g = glow(R.range(W * 0.15, W * 0.85), H * 0.25, 420, lightest(p), 'sun', 0.6)
    defs.push(g.defs)
    out.push(g.body)
    const n = R.int(6, 8)
    const cols = [p[3], p[2], p[4], p[1], p[2], p[0], p[1], p[0]]
    for (let i = 0; i < n; i++) {
      const base = H * 0.35 + (i * H * 0.6) / n
      const d = wavePath(W, H, base, R.range(20, 60), R.range(0.002, 0.006), R.range(0, 6.28), R.range(5, 20), R.range(0.008, 0.015), R.range(0, 6.28))
      out.push(`<path d="${d}" fill="${cols[i % cols.length]}" opacity="${f(0.55 + 0.05 * i)}"/>`)
    }
    return { defs, out }
  },

  grid(W, H, p, R) {
    const out = [],
      defs = []
    const hz = H * R.range(0.38, 0.5)
    const vx = W * R.range(0.35, 0.65)
    const g = glow(vx, hz, 500, lightest(p), 'sun', 0.7)
    defs.push(g.defs)
    out.push(g.body)
    out.push(`<rect x="0" y="${f(hz)}" width="${W}" height="${f(H - hz)}" fill="${p[0]}" opacity="0.6"/>`)
    let lines = ''
    for (let i = -20; i <= 20; i++) {
      lines += `<line x1="${f(vx)}" y1="${f(hz)}" x2="${f(vx + i * 160)}" y2="${H}"/>`
    }
    for (let k = 1; k < 14; k++) {
      const y = hz + (H - hz) * Math.pow(k / 14, 1.8)
      lines += `<line x1="0" y1="${f(y)}" x2="${W}" y2="${f(y)}"/>`
    }
    out.push(`<g stroke="${p[2]}" stroke-width="2" opacity="0.7">${lines}</g>`)
    for (let i = 0; i < 5; i++) {
      const s = R.range(60, 180)
      out.push(
        `<rect x="${f(R.range(0, W - s))}" y="${f(R.range(40, hz - s))}" width="${f(s)}" height="${f(s)}" fill="${R.pick([p[2], p[3], p[4]])}" opacity="${f(R.range(0.3, 0.8))}" transform="rotate(${f(R.range(-20, 20))} ${f(vx)} ${f(hz)})"/>`,
      )
    }
    return { defs, out }
  },

  map(W, H, p, R) {
    const out = [],
      defs = []
    const centers = []
    for (let c = 0; c < 3; c++) {
      const cx = R.range(W * 0.1, W * 0.9),
        cy = R.range(H * 0.15, H * 0.85)
      centers.push([cx, cy])
      const ph1 = R.range(0, 6),
        ph2 = R.range(0, 6)
      const base = R.range(40, 90)
      for (let k = 0; k < 7; k++) {
        out.push(
          `<path d="${blob(cx, cy, base + k * 42, ph1 + k * 0.15, ph2, 0.16, 0.08)}" fill="${k === 0 ? p[3] : 'none'}" stroke="${p[2]}" stroke-width="${k % 3 === 0 ? 3 : 1.5}" opacity="${f(0.85 - k * 0.08)}"/>`,
        )
      }
    }
    const pts = []
    for (let i = 0; i < 7; i++) pts.push([R.range(80, W - 80), R.range(80, H - 80)])
    pts.sort((a, b) => a[0] - b[0])
    let d = `M ${f(pts[0][0])} ${f(pts[0][1])} `
    for (let i = 1; i < pts.length; i++) {
      const [x0, y0] = pts[i - 1],
        [x1, y1] = pts[i]
      d += `Q ${f((x0 + x1) / 2)} ${f(Math.min(y0, y1) - R.range(40, 140))} ${f(x1)} ${f(y1)} `
    }
    out.push(`<path d="${d}" fill="none" stroke="${p[4]}" stroke-width="6" stroke-dasharray="18 12" stroke-linecap="round"/>`)
    for (const [x, y] of pts) {
      out.push(`<circle cx="${f(x)}" cy="${f(y)}" r="16" fill="${p[0]}" stroke="${p[4]}" stroke-width="6"/>`)
    }
    return { defs, out }
  },

  orbits(W, H, p, R) {
    const out = [],
      defs = []
    const cx = W * R.range(0.35, 0.65),
      cy = H * R.range(0.4, 0.6)
    const g = glow(cx, cy, 360, p[4], 'sun', 0.9)
    defs.push(g.defs)
    out.push(g.body)
    out.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(R.range(60, 100))}" fill="${p[4]}"/>`)
    for (let i = 0; i < 6; i++) {
      const rx = 180 + i * 110,
        ry = rx * R.range(0.25, 0.45),
        rot = R.range(-25, 25)
      out.push(
        `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(ry)}" fill="none" stroke="${p[3]}" stroke-width="2" opacity="0.6" transform="rotate(${f(rot)} ${f(cx)} ${f(cy)})"/>`,
      )
      const a = R.range(0, 6.28)
      const px = rx * Math.cos(a),
        py = ry * Math.sin(a)
      const rr = (rot * Math.PI) / 180
      out.push(
        `<circle cx="${f(cx + px * Math.cos(rr) - py * Math.sin(rr))}" cy="${f(cy + px * Math.sin(rr) + py * Math.cos(rr))}" r="${f(R.range(10, 34))}" fill="${R.pick([p[2], p[3], p[4]])}"/>`,
      )
    }
    let stars = ''
    for (let i = 0; i < 60; i++) stars += `<circle cx="${f(R.range(0, W))}" cy="${f(R.range(0, H))}" r="${f(R.range(1, 3))}"/>`
    out.push(`<g fill="${p[3]}" opacity="0.8">${stars}</g>`)
    return { defs, out }
  },

  mountains(W, H, p, R) {
    const out = [],
      defs = []
    const g = glow(R.range(W * 0.2, W * 0.8), H * 0.3, 300, lightest(p), 'sun', 0.9)
    defs.push(g.defs)
    out.push(g.body)
    const cols = [p[3], p[2], p[1], p[0]]
    for (let l = 0; l < 4; l++) {
      const base = H * (0.45 + l * 0.13)
      let d = `M -20 ${H} L -20 ${f(base)} `
      let x = -20
      while (x < W + 20) {
        x += R.range(60, 180)
        d += `L ${f(x)} ${f(base - R.range(20, 220 - l * 40))} `
      }
      d += `L ${W + 20} ${H} Z`
      out.push(`<path d="${d}" fill="${cols[l]}" opacity="${f(0.6 + l * 0.12)}"/>`)
    }
    return { defs, out }
  },

  bars(W, H, p, R) {
    const out = [],
      defs = []
    const n = R.int(10, 16)
    const bw = W / n
    let y = H * R.range(0.45, 0.7)
    const pts = []
    for (let i = 0; i < n; i++) {
      y = Math.max(H * 0.15, Math.min(H * 0.85, y + R.range(-110, 90)))
      out.push(
        `<rect x="${f(i * bw + bw * 0.15)}" y="${f(y)}" width="${f(bw * 0.7)}" height="${f(H - y)}" fill="${i % 3 === 0 ? p[2] : p[3]}" opacity="0.55"/>`,
      )
      pts.push([i * bw + bw / 2, y - 40])
    }
    out.push(
      `<polyline points="${pts.map(([a, b]) => `${f(a)},${f(b)}`).join(' ')}" fill="none" stroke="${p[4]}" stroke-width="10" stroke-linejoin="round" stroke-linecap="round"/>`,
    )
    for (const [a, b] of pts) out.push(`<circle cx="${f(a)}" cy="${f(b)}" r="12" fill="${p[0]}" stroke="${p[4]}" stroke-width="5"/>`)
    let gl = ''
    for (let k = 1; k < 6; k++) gl += `<line x1="0" y1="${f((H * k) / 6)}" x2="${W}" y2="${f((H * k) / 6)}"/>`
    out.push(`<g stroke="${p[3]}" stroke-width="1.5" opacity="0.35">${gl}</g>`)
    return { defs, out }
  },

  rings(W, H, p, R) {
    const out = [],
      defs = []
    const cx = R.range(W * 0.2, W * 0.8),
      cy = R.range(H * 0.3, H * 0.7)
    for (let k = 22; k >= 1; k--) {
      out.push(
        `<circle cx="${f(cx + k * R.range(-4, 4))}" cy="${f(cy + k * R.range(-3, 3))}" r="${k * 48}" fill="${k % 2 ? p[2] : p[1]}" opacity="${f(0.18 + (22 - k) * 0.025)}"/>`,
      )
    }
    out.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="40" fill="${p[4]}"/>`)
    return { defs, out }
  },

  stripes(W, H, p, R) {
    const out = [],
      defs = []
    const rot = R.range(-35, 35)
    const cols = [p[2], p[3], p[4], p[1]]
    let x = -W
    let i = 0
    let g = ''
    while (x < W * 2) {
      const w = R.range(50, 220)
      g += `<rect x="${f(x)}" y="${-H}" width="${f(w)}" height="${H * 3}" fill="${cols[i % cols.length]}" opacity="${f(R.range(0.35, 0.9))}"/>`
      x += w + R.range(30, 160)
      i++
    }
    out.push(`<g transform="rotate(${f(rot)} ${W / 2} ${H / 2})">${g}</g>`)
    out.push(`<circle cx="${f(R.range(300, W - 300))}" cy="${f(R.range(250, H - 250))}" r="${f(R.range(140, 240))}" fill="${p[0]}" opacity="0.85"/>`)
    return { defs, out }
  },

  dunes(W, H, p, R) {
    const out = [],
      defs = []
    out.push(`<circle cx="${f(R.range(W * 0.2, W * 0.8))}" cy="${f(H * 0.3)}" r="${f(R.range(80, 130))}" fill="${p[4]}" opacity="0.9"/>`)
    const cols = [p[1], p[2], p[3], p[2], p[3]]
    for (let i = 0; i < 5; i++) {
      const base = H * (0.5 + i * 0.1)
      const d = wavePath(W, H, base, R.range(40, 90), R.range(0.001, 0.003), R.range(0, 6.28), R.range(10, 30), R.range(0.004, 0.007), R.range(0, 6.28))
      out.push(`<path d="${d}" fill="${cols[i]}" opacity="${f(0.7 + i * 0.06)}"/>`)
    }
    return { defs, out }
  },

  network(W, H, p, R) {
    const out = [],
      defs = []
    const nodes = []
    for (let i = 0; i < 34; i++) nodes.push([R.range(40, W - 40), R.range(40, H - 40), R.range(5, 18)])
    let edges = ''
    for (let i = 0; i < nodes.length; i++) {
      const d = nodes.map((n, j) => [j, Math.hypot(n[0] - nodes[i][0], n[1] - nodes[i][1])]).sort((a, b) => a[1] - b[1])
      for (let k = 1; k <= 3; k++) {
        const j = d[k][0]
        if (j > i) edges += `<line x1="${f(nodes[i][0])}" y1="${f(nodes[i][1])}" x2="${f(nodes[j][0])}" y2="${f(nodes[j][1])}"/>`
      }
    }
    out.push(`<g stroke="${p[3]}" stroke-width="2.5" opacity="0.6">${edges}</g>`)
    for (const [x, y, r] of nodes) out.push(`<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" fill="${R.r() < 0.3 ? p[4] : p[2]}"/>`)
    const g = glow(W / 2, H / 2, 600, p[2], 'halo', 0.25)
    defs.push(g.defs)
    out.unshift(g.body)
    return { defs, out }
  },

  rails(W, H, p, R) {
    const out = [],
      defs = []
    const hz = H * R.range(0.35, 0.45),
      vx = W * R.range(0.4, 0.6)
    const g = glow(vx, hz, 450, lightest(p), 'sun', 0.85)
    defs.push(g.defs)
    out.push(g.body)
    out.push(`<path d="${wavePath(W, hz + 10, hz, 30, 0.004, R.range(0, 6), 12, 0.011, R.range(0, 6))}" fill="${p[1]}" opacity="0.8"/>`)
    out.push(`<rect x="0" y="${f(hz)}" width="${W}" height="${f(H - hz)}" fill="${p[0]}"/>`)
    let sl = ''
    for (let k = 1; k < 26; k++) {
      const t = Math.pow(k / 26, 2)
      const y = hz + (H - hz) * t
      const half = 30 + 520 * t
      sl += `<line x1="${f(vx - half)}" y1="${f(y)}" x2="${f(vx + half)}" y2="${f(y)}" stroke-width="${f(2 + 14 * t)}"/>`
    }
    out.push(`<g stroke="${p[2]}" opacity="0.8">${sl}</g>`)
    for (const s of [-1, 1]) {
      out.push(`<path d="M ${f(vx + s * 8)} ${f(hz)} L ${f(vx + s * 380)} ${H}" stroke="${p[3]}" stroke-width="10" fill="none"/>`)
    }
    return { defs, out }
  },

  leaves(W, H, p, R) {
    const out = [],
      defs = []
    for (let i = 0; i < 46; i++) {
      const x = R.range(-50, W + 50),
        y = R.range(-50, H + 50)
      const rx = R.range(30, 90),
        ry = rx * R.range(2.2, 4)
      out.push(
        `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(rx)}" ry="${f(ry)}" fill="${R.pick([p[1], p[2], p[3], p[4]])}" opacity="${f(R.range(0.35, 0.85))}" transform="rotate(${f(R.range(-70, 70))} ${f(x)} ${f(y)})"/>`,
      )
    }
    return { defs, out }
  },

  field(W, H, p, R) {
    const out = [],
      defs = []
    const hz = H * R.range(0.25, 0.35)
    out.push(`<circle cx="${f(R.range(200, W - 200))}" cy="${f(hz - 40)}" r="90" fill="${p[4]}"/>`)
    for (let i = 0; i < 9; i++) {
      const y0 = hz + i * ((H - hz) / 9)
      const d = wavePath(W, H, y0, R.range(10, 40), R.range(0.001, 0.003), R.range(0, 6), 8, 0.006, R.range(0, 6))
      out.push(`<path d="${d}" fill="${i % 2 ? p[2] : p[1]}" opacity="${f(0.75 + i * 0.02)}"/>`)
    }
    let rows = ''
    for (let i = 0; i < 30; i++) {
      const y = hz + 20 + i * ((H - hz) / 30)
      rows += `<line x1="${f(R.range(-100, 300))}" y1="${f(y)}" x2="${f(R.range(W - 300, W + 100))}" y2="${f(y + R.range(-20, 20))}"/>`
    }
    out.push(`<g stroke="${p[3]}" stroke-width="2" opacity="0.35">${rows}</g>`)
    return { defs, out }
  },

  track(W, H, p, R) {
    const out = [],
      defs = []
    const cx = W * R.range(0.4, 0.6),
      cy = H * R.range(0.45, 0.6)
    out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="${p[0]}" opacity="0.25"/>`)
    for (let k = 8; k >= 0; k--) {
      const rx = 380 + k * 48,
        ry = 180 + k * 48
      out.push(
        `<rect x="${f(cx - rx)}" y="${f(cy - ry)}" width="${f(rx * 2)}" height="${f(ry * 2)}" rx="${f(ry)}" fill="${k === 8 ? p[2] : 'none'}" stroke="${p[3]}" stroke-width="4" opacity="0.9"/>`,
      )
    }
    out.push(`<rect x="${f(cx - 380)}" y="${f(cy - 180)}" width="760" height="360" rx="180" fill="${p[1]}"/>`)
    out.push(
      `<line x1="${f(cx + R.range(-200, 200))}" y1="${f(cy - 560)}" x2="${f(cx + R.range(-200, 200))}" y2="${f(cy + 560)}" stroke="${p[4]}" stroke-width="14" opacity="0.8"/>`,
    )
    return { defs, out }
  },

  blocks(W, H, p, R) {
    const out = [],
      defs = []
    const s = 70
    const cos = Math.cos(Math.PI / 6) * s,
      sin = Math.sin(Math.PI / 6) * s
    const cells = []
    for (let gx = 0; gx < 12; gx++)
      for (let gy = 0; gy < 12; gy++) {
        const hgt = R.r() < 0.55 ? R.int(1, 4) : 0
        if (hgt) cells.push([gx, gy, hgt])
      }
    cells.sort((a, b) => a[0] + a[1] - (b[0] + b[1]))
    const ox = W / 2,
      oy = H * 0.05
    for (const [gx, gy, hgt] of cells) {
      const x = ox + (gx - gy) * cos,
        y = oy + (gx + gy) * sin
      const top = y - hgt * s * 0.7 + 200
      const col = R.pick([
        [p[2], p[1]],
        [p[3], p[2]],
        [p[4], p[1]],
      ])
      out.push(
        `<path d="M ${f(x)} ${f(top)} L ${f(x + cos)} ${f(top + sin)} L ${f(x)} ${f(top + 2 * sin)} L ${f(x - cos)} ${f(top + sin)} Z" fill="${col[0]}"/>`,
      )
      out.push(
        `<path d="M ${f(x - cos)} ${f(top + sin)} L ${f(x)} ${f(top + 2 * sin)} L ${f(x)} ${f(top + 2 * sin + hgt * s * 0.7)} L ${f(x - cos)} ${f(top + sin + hgt * s * 0.7)} Z" fill="${col[1]}"/>`,
      )
      out.push(
        `<path d="M ${f(x + cos)} ${f(top + sin)} L ${f(x)} ${f(top + 2 * sin)} L ${f(x)} ${f(top + 2 * sin + hgt * s * 0.7)} L ${f(x + cos)} ${f(top + sin + hgt * s * 0.7)} Z" fill="${p[0]}" opacity="0.85"/>`,
      )
    }
    return { defs, out }
  },

  petals(W, H, p, R) {
    const out = [],
      defs = []
    const cx = R.range(W * 0.3, W * 0.7),
      cy = H / 2
    const n = R.int(10, 16)
    for (let ring = 3; ring >= 1; ring--) {
      for (let i = 0; i < n; i++) {
        const a = (i / n) * 360 + ring * 9
        out.push(
          `<ellipse cx="${f(cx)}" cy="${f(cy - ring * 95)}" rx="${f(30 + ring * 14)}" ry="${f(ring * 95)}" fill="${[p[4], p[3], p[2]][ring - 1]}" opacity="0.55" transform="rotate(${f(a)} ${f(cx)} ${f(cy)})"/>`,
        )
      }
    }
    out.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="60" fill="${p[0]}"/>`)
    return { defs, out }
  },
}

export const KIND_NAMES = Object.keys(KINDS)

export function illustration({ kind, palette, seed, width = 1600, height = 900 }) {
  const p = PALETTES[palette]
  if (!p) throw new Error(`unknown palette ${palette}`)
  const fn = KINDS[kind]
  if (!fn) throw new Error(`unknown kind ${kind}`)
  const R = mk(prng(`${seed}|${kind}|${palette}`))
  const bg = background(width, height, p, R)
  // Draw on a 1600x900 canvas and scale to the requested size.
  const { defs, out } = fn(1600, 900, p, R)
  const sx = width / 1600,
    sy = height / 900
  const s = Math.max(sx, sy)
  const tx = (width - 1600 * s) / 2,
    ty = (height - 900 * s) / 2
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${bg.defs}${defs.join('')}</defs>${bg.body}<g transform="translate(${f(tx)} ${f(ty)}) scale(${s})">${out.join('')}</g></svg>`
}

export function portrait({ palette, seed, size = 600 }) {
  const p = PALETTES[palette]
  const R = mk(prng(`portrait|${seed}`))
  const ang = R.range(0, 360)
  const hx = 300 + R.range(-25, 25)
  const headR = R.range(92, 112)
  const hy = R.range(215, 255)
  const sw = R.range(175, 215)
  const shoulderTop = hy + headR + R.range(35, 55)
  const ringR = R.range(230, 270)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 600 600"><defs><linearGradient id="bg" gradientTransform="rotate(${f(ang)} 0.5 0.5)"><stop offset="0" stop-color="${p[3]}"/><stop offset="1" stop-color="${p[1]}"/></linearGradient></defs><rect width="600" height="600" fill="url(#bg)"/><circle cx="${f(R.range(120, 480))}" cy="${f(R.range(80, 260))}" r="${f(ringR)}" fill="none" stroke="${p[4]}" stroke-width="18" opacity="0.45"/><circle cx="${f(hx)}" cy="${f(hy)}" r="${f(headR)}" fill="${p[0]}"/><path d="M ${f(hx - sw - 40)} 620 C ${f(hx - sw - 30)} ${f(shoulderTop + 20)} ${f(hx - sw * 0.5)} ${f(shoulderTop)} ${f(hx)} ${f(shoulderTop)} C ${f(hx + sw * 0.5)} ${f(shoulderTop)} ${f(hx + sw + 30)} ${f(shoulderTop + 20)} ${f(hx + sw + 40)} 620 Z" fill="${p[0]}"/><rect x="${f(hx - headR * 0.42)}" y="${f(hy + headR - 30)}" width="${f(headR * 0.84)}" height="${f(shoulderTop - hy - headR + 40)}" fill="${p[0]}"/></svg>`
}

export function logo() {
  // Abstract mark: a globe with meridians and three "ledger" rules. No wordmark.
  const ink = '#14213d',
    accent = '#c8553d',
    soft = '#8ea8c3'
  let meridians = ''
  for (const rx of [14, 30, 44]) meridians += `<ellipse cx="60" cy="60" rx="${rx}" ry="50" fill="none" stroke="${ink}" stroke-width="4"/>`
  const rules = [
    [130, 34, 430, ink],
    [130, 58, 330, soft],
    [130, 82, 380, accent],
  ]
    .map(([x, y, w, c]) => `<rect x="${x}" y="${y}" width="${w}" height="8" rx="4" fill="${c}"/>`)
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="120" viewBox="0 0 600 120"><circle cx="60" cy="60" r="50" fill="none" stroke="${ink}" stroke-width="6"/>${meridians}<line x1="10" y1="60" x2="110" y2="60" stroke="${accent}" stroke-width="6"/><circle cx="575" cy="86" r="9" fill="${accent}"/>${rules}</svg>`
}
