// The layout audit shared by the ui tier (tests/ui/tst_layout.qml) and the e2e tier (the
// kiosk's automation hook, "layoutAudit"): every visible text under `item` is painted inside
// the control (Tile) that carries it and inside `root`, overlaps no other text, and is not cut
// short unless marked `fullTextElsewhere`; touch targets keep 8 px × scale between them.
// Returns the problems as sentences.

// Qt::AlignmentFlag values (a module has no QML enums in scope).
const kAlignRight = 0x2, kAlignHCenter = 0x4, kAlignBottom = 0x40, kAlignVCenter = 0x80;

function isText(item) {
    return item.elide !== undefined && item.textFormat !== undefined && item.text !== undefined;
}
// A Tile (qml/components/Tile.qml): the touch targets of the kiosk.
function isControl(item) {
    return item.subtitleFits !== undefined;
}
export function describe(item) {
    return (item.objectName || item.toString()) + (item.text !== undefined ? ' "' + item.text + '"' : "");
}
function box(item, root) {
    const p = item.mapToItem(root, 0, 0);
    return { x: p.x, y: p.y, w: item.width, h: item.height };
}
// Where a Text's glyphs are, in root coordinates.
function painted(t, root) {
    let x = 0, y = 0;
    if (t.horizontalAlignment & kAlignHCenter) x = (t.width - t.contentWidth) / 2;
    else if (t.horizontalAlignment & kAlignRight) x = t.width - t.contentWidth;
    if (t.verticalAlignment & kAlignVCenter) y = (t.height - t.contentHeight) / 2;
    else if (t.verticalAlignment & kAlignBottom) y = t.height - t.contentHeight;
    const p = t.mapToItem(root, x, y);
    return { x: p.x, y: p.y, w: t.contentWidth, h: t.contentHeight };
}
const kEpsilon = 1.5;  // sub-pixel rounding
function inside(a, b) {
    return a.x >= b.x - kEpsilon && a.y >= b.y - kEpsilon && a.x + a.w <= b.x + b.w + kEpsilon
        && a.y + a.h <= b.y + b.h + kEpsilon;
}
function overlap(a, b) {
    return a.x + kEpsilon < b.x + b.w && b.x + kEpsilon < a.x + a.w && a.y + kEpsilon < b.y + b.h
        && b.y + kEpsilon < a.y + a.h;
}
function intersection(a, b) {
    const x = Math.max(a.x, b.x), y = Math.max(a.y, b.y);
    return { x: x, y: y, w: Math.max(0, Math.min(a.x + a.w, b.x + b.w) - x),
             h: Math.max(0, Math.min(a.y + a.h, b.y + b.h) - y) };
}
function gap(a, b) {
    const dx = Math.max(0, b.x - (a.x + a.w), a.x - (b.x + b.w));
    const dy = Math.max(0, b.y - (a.y + a.h), a.y - (b.y + b.h));
    return Math.max(dx, dy);
}
// A ListView or Flickable clips what scrolls: texts outside its viewport are not shown.
function clipBox(item, root) {
    for (let i = item.parent; i; i = i.parent) {
        if (i.clip) return box(i, root);
    }
    return null;  // nothing clips it: all of it is painted
}

// What a citizen sees under `item`: a visible item marked `coversScreen` (a modal warning over
// the page, e.g. the idle warning) hides everything painted before it; the last one wins.
function shownPart(item) {
    let top = null;
    const walk = (i) => {
        if (!i.visible || i.opacity === 0) return;
        if (i.coversScreen === true) top = i;
        const children = i.children;
        for (let k = 0; k < children.length; ++k) walk(children[k]);
    };
    walk(item);
    return top || item;
}

// The visible texts (each with the control carrying it) and controls under `item`.
export function collect(item, control, texts, controls) {
    if (!item.visible || item.opacity === 0) return;
    if (isControl(item)) {
        controls.push(item);
        control = item;
    }
    if (isText(item) && String(item.text).trim().length > 0) texts.push({ item: item, control: control });
    const children = item.children;
    for (let i = 0; i < children.length; ++i) collect(children[i], control, texts, controls);
}

export function audit(item, root, scale) {
    const problems = [];
    const texts = [], controls = [];
    collect(shownPart(item), null, texts, controls);
    const screen = { x: 0, y: 0, w: root.width, h: root.height };
    const shown = [];
    for (const t of texts) {
        const p = painted(t.item, root);
        const clip = clipBox(t.item, root);
        if (clip && !overlap(p, clip)) continue;  // scrolled out of view
        const seen = clip ? intersection(p, clip) : p;  // what the clip lets through
        shown.push({ item: t.item, rect: seen });
        if (t.item.truncated && !t.item.fullTextElsewhere) problems.push(describe(t.item) + ": cut short");
        if (t.control && !inside(p, box(t.control, root)))
            problems.push(describe(t.item) + ": outside its control " + describe(t.control) + " "
                          + JSON.stringify(p) + " in " + JSON.stringify(box(t.control, root)));
        if (!inside(seen, screen))
            problems.push(describe(t.item) + ": outside the screen " + JSON.stringify(p));
    }
    for (let i = 0; i < shown.length; ++i) {
        for (let j = i + 1; j < shown.length; ++j) {
            if (overlap(shown[i].rect, shown[j].rect))
                problems.push(describe(shown[i].item) + " overlaps " + describe(shown[j].item));
        }
    }
    // A control is touchable where its clip lets it show (a candidate scrolled past the end of
    // its bar is not next to the button beyond the bar).
    const touchable = [];
    for (const c of controls) {
        const clip = clipBox(c, root), b = box(c, root);
        if (clip && !overlap(b, clip)) continue;
        touchable.push({ item: c, rect: clip ? intersection(b, clip) : b });
    }
    const minGap = 8 * scale - 1;
    for (let i = 0; i < touchable.length; ++i) {
        for (let j = i + 1; j < touchable.length; ++j) {
            const a = touchable[i].rect, b = touchable[j].rect;
            if (inside(a, b) || inside(b, a)) continue;  // a control within a control
            if (gap(a, b) < minGap)
                problems.push(describe(touchable[i].item) + " and " + describe(touchable[j].item) + ": "
                              + gap(a, b).toFixed(1) + " px apart");
        }
    }
    return problems;
}

// Tile titles shown smaller than their size (a row that squeezes instead of reflowing).
export function squeezedTitles(item) {
    const problems = [];
    const texts = [], controls = [];
    collect(item, null, texts, controls);
    for (const t of texts) {
        t.item.forceLayout();  // the size Fit chose, for the size the tile has now
        if (t.control && t.item.objectName === t.control.objectName + "Title"
                && t.item.fontInfo.pixelSize < t.item.font.pixelSize - 1)
            problems.push(describe(t.item) + " squeezed to " + t.item.fontInfo.pixelSize + " px of "
                          + t.item.font.pixelSize);
    }
    return problems;
}

// How many visible texts the audit looks at under `item` (a check that it saw the screen).
export function textCount(item) {
    const texts = [], controls = [];
    collect(shownPart(item), null, texts, controls);
    return texts.length;
}
