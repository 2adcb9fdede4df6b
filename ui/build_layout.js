// Where the build canvas writes its link names, so that every one can be read whole: a name is
// drawn level, on a white ground, at the middle of its link, so it moves only with the link's
// bend. Each link takes the bend (straight, or curved either way, a little to a lot) whose name
// runs into no other name, lies on no node, is crossed by no other link and stays on the canvas,
// the least bent of those; a link is bent again only while its name is hidden. On a phone the
// rows of nodes are first spread further apart until every name fits. Pure functions, shared by
// ui/build_canvas.js (concatenated before it) and `node --test tests/js/`.
// Everything is in vis-network's canvas coordinates: a node or name is { x, y, width, height }
// around its centre.

// The bends a link may take, straight first: `turn` is a signed roundness, above 0 curved
// clockwise (vis-network's curvedCW), below 0 anticlockwise; vis-network swings a curve's control
// point round the link's start, so its name slides towards that end as the curve deepens, and a
// `flip`ped link is given to vis-network the other way round, with its arrow at its start, for
// the name to slide towards its arrow instead. A bend is named by its index here.
const KG_BENDS = [{ turn: 0, flip: false }, ...[0.05, 0.1, 0.15, 0.22, 0.3, 0.4, 0.5, 0.65, 0.8, 1]
  .flatMap((r) => [r, -r]).flatMap((turn) => [{ turn, flip: false }, { turn, flip: true }])];
const KG_NAME_PAD = 3;   // clear space kept around a name
const KG_NODE_PAD = 3;   // and around a node
const KG_HIDDEN = 1000;  // the cost of a name hidden one way (run into, covered, crossed or off the canvas)
const KG_CROSSED = 40;   // the cost of a line drawn behind another link's name
const KG_SAMPLES = 24;   // segments a link's curve is checked along
const KG_ARROW = 18;     // an arrowhead's length (vis-network's, at a line width of 1)
const KG_THROUGH = 25;   // the cost of a line drawn through a node it does not join

// A link (vis-network's edge, as the app gives it) drawn with the bend numbered `choice`: its
// ends, arrow and `smooth` option.
function kgDrawnAs(edge, choice) {
  const { turn, flip } = KG_BENDS[choice] || KG_BENDS[0];
  const smooth = turn ? { enabled: true, type: turn > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(turn) }
    : { enabled: false };
  return { ...edge, from: flip ? edge.to : edge.from, to: flip ? edge.from : edge.to, arrows: flip ? "from" : "to",
    smooth };
}

// The control point of a link's curve, as vis-network computes it for curvedCW and curvedCCW
// (BezierEdgeStatic._getViaCoordinates); a straight link's is its middle.
function kgVia(from, to, bend) {
  if (!bend) { return { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 }; }
  const roundness = Math.abs(bend);
  const dx = to.x - from.x;
  const dy = from.y - to.y;
  const length = Math.sqrt(dx * dx + dy * dy);
  const turn = bend > 0 ? 0.5 * roundness + 0.5 : -0.5 * roundness + 0.5;
  const angle = (Math.atan2(dy, dx) + turn * Math.PI) % (2 * Math.PI);
  const reach = (0.5 * roundness + 0.5) * length;
  return { x: from.x + reach * Math.sin(angle), y: from.y + reach * Math.cos(angle) };
}

// The point a fraction t along a link (vis-network's quadratic Bézier through the control point).
function kgPointOn(from, to, via, t) {
  const a = (1 - t) * (1 - t);
  const b = 2 * t * (1 - t);
  const c = t * t;
  return { x: a * from.x + b * via.x + c * to.x, y: a * from.y + b * via.y + c * to.y };
}

function kgBox(centre, width, height, pad) {
  return { l: centre.x - width / 2 - pad, r: centre.x + width / 2 + pad, t: centre.y - height / 2 - pad,
    b: centre.y + height / 2 + pad };
}

function kgMeet(a, b) {
  return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
}

// Whether the segment p–q passes through box a (Liang–Barsky clipping).
function kgSegmentMeets(p, q, a) {
  let low = 0;
  let high = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  for (const [step, room] of [[-dx, p.x - a.l], [dx, a.r - p.x], [-dy, p.y - a.t], [dy, a.b - p.y]]) {
    if (step === 0) {
      if (room < 0) { return false; }
    } else {
      const t = room / step;
      if (step < 0) { low = Math.max(low, t); } else { high = Math.min(high, t); }
      if (low > high) { return false; }
    }
  }
  return true;
}

function kgMeetsSpan(shape, box) {
  return shape.span.l <= box.r && box.l <= shape.span.r && shape.span.t <= box.b && box.t <= shape.span.b;
}

function kgCrosses(points, box) {
  for (let i = 1; i < points.length; i += 1) {
    if (kgSegmentMeets(points[i - 1], points[i], box)) { return true; }
  }
  return false;
}

// A link drawn with a bend: its name's box, its curve (sampled) and its arrowhead's box.
function kgShape(link, nodes, bend) {
  const from = nodes[bend.flip ? link.to : link.from];
  const to = nodes[bend.flip ? link.from : link.to];
  const via = kgVia(from, to, bend.turn);
  const at = (t) => kgPointOn(from, to, via, t);
  const points = Array.from({ length: KG_SAMPLES + 1 }, (_, i) => at(i / KG_SAMPLES));
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const span = { l: Math.min(...xs), r: Math.max(...xs), t: Math.min(...ys), b: Math.max(...ys) };
  const arrow = kgArrow(at, nodes[link.to], bend.flip ? 0 : 1);
  return { bend, points, span, arrow, name: kgBox(at(0.5), link.width, link.height, KG_NAME_PAD) };
}

// The box round a link's arrowhead: from where its curve leaves the node it points to, back
// KG_ARROW along the curve, and half that either side.
function kgArrow(at, target, end) {
  const box = kgBox(target, target.width, target.height, 1);
  const inside = (point) => point.x > box.l && point.x < box.r && point.y > box.t && point.y < box.b;
  const steps = 200;
  let tip = at(end);
  let i = 0;
  for (; i < steps && inside(tip); i += 1) { tip = at(end ? 1 - i / steps : i / steps); }
  let base = tip;
  for (; i < steps && Math.hypot(base.x - tip.x, base.y - tip.y) < KG_ARROW; i += 1) {
    base = at(end ? 1 - i / steps : i / steps);
  }
  const half = KG_ARROW / 2;
  return { l: Math.min(tip.x, base.x) - half, r: Math.max(tip.x, base.x) + half, t: Math.min(tip.y, base.y) - half,
    b: Math.max(tip.y, base.y) + half };
}

// Whether a link's name, drawn as `shape`, is hidden whatever the drawing order: off the canvas,
// on a node, under an arrowhead (vis-network draws them last) or on another name.
function kgCovered(index, shape, shapes, nodeBoxes, bounds) {
  const name = shape.name;
  if (name.l < bounds.l || name.r > bounds.r || name.t < bounds.t || name.b > bounds.b) { return true; }
  if (nodeBoxes.some((box) => kgMeet(name, box))) { return true; }
  return shapes.some((other, j) => kgMeet(name, other.arrow) || (j !== index && kgMeet(name, other.name)));
}

// Whether link i's line runs through link j's name.
function kgLineOver(shapes, i, j) {
  return i !== j && kgMeetsSpan(shapes[i], shapes[j].name) && kgCrosses(shapes[i].points, shapes[j].name);
}

// How hidden a link's name is, and how much it hides others', drawn as `shape` among the others'
// shapes. vis-network draws each link's line and then its name on a white ground, so a line drawn
// before a name runs behind it: a line through a name is allowed (the line is drawn first), unless
// the two links run through each other's names (KG_HIDDEN, as every other way of being hidden),
// and costs KG_CROSSED. A line through a node it does not join costs KG_THROUGH (the node hides
// it), and then a bend costs its size, so the least bent of the clear shapes wins.
function kgCost(index, shape, shapes, nodeBoxes, bounds) {
  const name = shape.name;
  let hidden = 0;
  let crossed = 0;
  if (name.l < bounds.l || name.r > bounds.r || name.t < bounds.t || name.b > bounds.b) { hidden += 1; }
  for (const box of nodeBoxes) {
    if (kgMeet(name, box)) { hidden += 1; }
  }
  if (kgMeet(name, shape.arrow)) { hidden += 1; }
  shapes.forEach((other, j) => {
    if (j === index) { return; }
    if (kgMeet(name, other.name)) { hidden += 2; }
    if (kgMeet(name, other.arrow)) { hidden += 1; }
    if (kgMeet(other.name, shape.arrow)) { hidden += 1; }
    const under = kgMeetsSpan(other, name) && kgCrosses(other.points, name);
    const over = kgMeetsSpan(shape, other.name) && kgCrosses(shape.points, other.name);
    if (under && over) { hidden += 1; } else if (under || over) { crossed += 1; }
  });
  return hidden * KG_HIDDEN + crossed * KG_CROSSED + shape.through * KG_THROUGH + Math.abs(shape.bend.turn) * 10;
}

// The order to draw the links in: a link whose line runs through another's name before it
// (Kahn's order; in a cycle, the link fewest lines still to draw run through comes first).
function kgDrawOrder(shapes) {
  const left = new Set(shapes.map((_, i) => i));
  const order = [];
  while (left.size > 0) {
    const waiting = (j) => [...left].filter((i) => kgLineOver(shapes, i, j)).length;
    let next = null;
    let least = Infinity;
    for (const j of left) {
      const count = waiting(j);
      if (count < least) { next = j; least = count; }
      if (count === 0) { break; }
    }
    order.push(next);
    left.delete(next);
  }
  return order;
}

// The bend of every link so that its name can be read: `nodes` maps an id to { x, y, width,
// height }, each link is { from, to, width, height } (its name's size), with the `bend` it has
// (an index in KG_BENDS) and `kept` when it was placed before; `bounds` { l, r, t, b } is where
// names may lie. Each link in turn takes its best bend given the others', until none changes; a
// link placed before moves only when that shows at least one more name. Three orders are tried
// (as given, reversed, the largest names first) and the one hiding fewest names wins. Returns the
// bends, the order to draw the links in (`order`, of indices), how many names stay hidden
// (`hidden`, 0 when every one can be read), which (`hiddenAt`, true or false by link) and what
// the picture costs (`cost`, lower is clearer).
function kgPlaceNames(nodes, links, bounds) {
  const boxes = new Map(Object.entries(nodes).map(([id, node]) => [id, kgBox(node, node.width, node.height, KG_NODE_PAD)]));
  const nodeBoxes = [...boxes.values()];
  const shapes = links.map((link) => KG_BENDS.map((bend) => kgThrough(kgShape(link, nodes, bend), link, boxes)));
  const start = links.map(kgStart);
  const given = links.map((_, i) => i);
  const area = (i) => links[i].width * links[i].height;
  let best = null;
  for (const tried of [given, [...given].reverse(), [...given].sort((i, j) => area(j) - area(i))]) {
    const chosen = kgImprove(tried, [...start], shapes, links, nodeBoxes, bounds);
    const drawn = chosen.map((choice, i) => shapes[i][choice]);
    const order = kgDrawOrder(drawn);
    const after = new Map(order.map((link, place) => [link, place]));
    const hiddenAt = drawn.map((shape, i) => kgCovered(i, shape, drawn, nodeBoxes, bounds)
      || drawn.some((_, j) => after.get(j) > after.get(i) && kgLineOver(drawn, j, i)));
    const hidden = hiddenAt.filter(Boolean).length;
    const total = drawn.reduce((sum, shape, i) => sum + kgCost(i, shape, drawn, nodeBoxes, bounds), 0);
    if (!best || hidden < best.hidden || (hidden === best.hidden && total < best.total)) {
      best = { bends: chosen, order, hidden, hiddenAt, total };
    }
    if (hidden === 0) { break; }
  }
  return { bends: best.bends, order: best.order, hidden: best.hidden, hiddenAt: best.hiddenAt, cost: best.total };
}

// A shape with how many nodes other than its link's ends its line runs through (`through`).
function kgThrough(shape, link, boxes) {
  let through = 0;
  for (const [id, box] of boxes) {
    if (id !== link.from && id !== link.to && kgMeetsSpan(shape, box) && kgCrosses(shape.points, box)) { through += 1; }
  }
  return { ...shape, through };
}

function kgImprove(order, chosen, shapes, links, nodeBoxes, bounds) {
  const drawn = chosen.map((choice, i) => shapes[i][choice]);
  for (let pass = 0; pass < 12; pass += 1) {
    let changed = false;
    for (const index of order) {
      const cost = (choice) => kgCost(index, shapes[index][choice], drawn, nodeBoxes, bounds)
        + (links[index].kept && choice !== kgStart(links[index]) ? KG_HIDDEN / 2 : 0);
      let pick = chosen[index];
      let least = cost(pick);
      if (least === 0) { continue; }
      shapes[index].forEach((_, choice) => {
        const value = cost(choice);
        if (value < least - 1e-9) { pick = choice; least = value; }
      });
      if (pick !== chosen[index]) {
        chosen[index] = pick;
        drawn[index] = shapes[index][pick];
        changed = true;
      }
    }
    if (!changed) { break; }
  }
  return chosen;
}

function kgStart(link) {
  return link.bend in KG_BENDS ? link.bend : 0;
}

// A phone's layout: two nodes a row, in `order` (the explorer's reading order), one against the
// canvas's left side and one against its right, so that links' names fit in the band between
// them; a row's nodes swap sides when that puts fewer of their links on one side. Rows are `gap`
// apart, from the tallest node of one to the tallest of the next. `sizes` maps an id to its
// { width, height } as drawn, `links` are { from, to }. Returns every node's { id, x, y } and the
// canvas's top, bottom and centre.
function kgRows(order, sizes, links, width, gap) {
  const reach = width / 2 - KG_ROW_MARGIN;
  const side = new Map();
  const nodes = [];
  let y = 0;
  let above = 0;
  let top = 0;
  for (let i = 0; i < order.length; i += 2) {
    const pair = kgSides(order.slice(i, i + 2), side, links);
    const tall = Math.max(...pair.map((id) => sizes[id].height));
    y += i === 0 ? 0 : above / 2 + gap + tall / 2;
    pair.forEach((id, right) => {
      side.set(id, right);
      const x = right ? reach - sizes[id].width / 2 : -reach + sizes[id].width / 2;
      nodes.push({ id, x: Math.round(x), y: Math.round(y) });
    });
    if (i === 0) { top = -tall / 2 - gap / 2; }
    above = tall;
  }
  const bottom = y + above / 2 + gap / 2;
  return { nodes, top, bottom, height: bottom - top, centre: { x: 0, y: (top + bottom) / 2 } };
}

const KG_ROW_MARGIN = 4;  // between a node and the canvas's side

// `order` rearranged so that nodes joined by the most links share a row (kgRows puts nodes two by
// two): links within a row run across the band between its nodes, where their names stack.
// Pairs are taken greedily, most links first, then the nodes left over in `order`; rows keep the
// order of their first node.
function kgPairs(order, links) {
  const place = new Map(order.map((id, i) => [id, i]));
  const weight = new Map();
  for (const link of links) {
    const [a, b] = [link.from, link.to].sort((x, y) => place.get(x) - place.get(y));
    if (a !== b) { weight.set(`${a}\u0000${b}`, { a, b, n: (weight.get(`${a}\u0000${b}`)?.n || 0) + 1 }); }
  }
  const paired = new Set();
  const rows = [];
  for (const { a, b } of [...weight.values()].sort((x, y) => y.n - x.n || place.get(x.a) - place.get(y.a))) {
    if (!paired.has(a) && !paired.has(b)) {
      rows.push([a, b]);
      paired.add(a);
      paired.add(b);
    }
  }
  const rest = order.filter((id) => !paired.has(id));
  for (let i = 0; i < rest.length; i += 2) { rows.push(rest.slice(i, i + 2)); }
  const first = (row) => Math.min(...row.map((id) => place.get(id)));
  return rows.sort((x, y) => first(x) - first(y)).flat();
}

// A row's pair, left first: as given, or swapped when fewer links then join nodes on one side.
function kgSides(pair, side, links) {
  if (pair.length < 2) { return pair; }
  const same = (order) => links.filter((link) => order.some((id, right) => {
    const other = link.from === id ? link.to : link.to === id ? link.from : null;
    return other !== null && side.get(other) === right;
  })).length;
  const swapped = [pair[1], pair[0]];
  return same(swapped) < same(pair) ? swapped : pair;
}

if (typeof module !== "undefined") {
  module.exports = { KG_BENDS, kgCrosses, kgDrawnAs, kgPairs, kgPlaceNames, kgPointOn, kgRows, kgSegmentMeets, kgVia };
}
