// Runs a generated After Effects script under Node against a small recording fake of the After
// Effects object model, and prints what the script built as JSON:
//   node tools/js/ae-fake.js path/to/score/ae/import_score.jsx
// The fake knows only what the Sib2Ae script is allowed to use: app.project (importFile, items.addFolder,
// items.addComp), comps and their layers (add, addShape), properties by match name (addProperty,
// property, setValue, setValuesAtTimes), Shape, File/Folder, ImportOptions, $.fileName, alert and the
// undo group. Anything else throws, so a script that strays from that surface fails here.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const scriptPath = path.resolve(process.argv[2] || '');
if (!process.argv[2] || !fs.existsSync(scriptPath)) {
  console.error('usage: node ae-fake.js SCRIPT.jsx');
  process.exit(2);
}

const record = { alerts: [], undo: { begun: 0, ended: 0, name: null }, folders: [], imports: [], comps: [],
  setValuesAtTimesCalls: 0, setValueCalls: 0, openedInViewer: null };

// ---- files -----------------------------------------------------------------------------------
function fsPathOf(p) {
  // Both platform paths and URIs (with %-escapes) name files, as in ExtendScript.
  const text = String(p);
  return path.resolve(text.indexOf('%') >= 0 ? decodeURI(text) : text);
}
function FsEntry(p) {
  this.fsName = fsPathOf(p);
  this.absoluteURI = encodeURI(this.fsName.split(path.sep).join('/'));
  this.fullName = this.absoluteURI;
  this.name = encodeURI(path.basename(this.fsName));
}
Object.defineProperty(FsEntry.prototype, 'exists', { get() { return fs.existsSync(this.fsName); } });
Object.defineProperty(FsEntry.prototype, 'parent', { get() { return new Folder(path.dirname(this.fsName)); } });
function File(p) {
  if (!(this instanceof File)) return new File(p);
  FsEntry.call(this, p);
}
File.prototype = Object.create(FsEntry.prototype);
function Folder(p) {
  if (!(this instanceof Folder)) return new Folder(p);
  FsEntry.call(this, p);
}
Folder.prototype = Object.create(FsEntry.prototype);

function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.length >= 24 && b.toString('latin1', 1, 4) === 'PNG') return [b.readUInt32BE(16), b.readUInt32BE(20)];
  throw new Error('After Effects cannot import ' + file + ': not a PNG');
}
function wavSeconds(file) {
  const b = fs.readFileSync(file);
  if (b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WAVE') {
    throw new Error('After Effects cannot import ' + file + ': not a WAV');
  }
  let at = 12; let byteRate = 0; let dataBytes = 0;
  while (at + 8 <= b.length) {
    const id = b.toString('latin1', at, at + 4); const size = b.readUInt32LE(at + 4);
    if (id === 'fmt ') byteRate = b.readUInt32LE(at + 16);
    if (id === 'data') dataBytes = size;
    at += 8 + size + (size % 2);
  }
  return byteRate > 0 ? dataBytes / byteRate : 0;
}

// ---- properties -------------------------------------------------------------------------------
// What each match name holds when a layer or a group is made, and what addProperty may add where.
const CHILDREN = {
  'ADBE Transform Group': ['ADBE Anchor Point', 'ADBE Position', 'ADBE Scale', 'ADBE Rotate Z', 'ADBE Opacity'],
  'ADBE Vector Group': ['ADBE Vectors Group', 'ADBE Vector Transform Group'],
  'ADBE Vector Shape - Group': ['ADBE Vector Shape'],
  'ADBE Vector Graphic - Fill': ['ADBE Vector Fill Color', 'ADBE Vector Fill Rule', 'ADBE Vector Fill Opacity'],
  'ADBE Slider Control': ['ADBE Slider Control-0001'],
};
const ADDABLE = {
  'ADBE Root Vectors Group': ['ADBE Vector Group', 'ADBE Vector Shape - Group', 'ADBE Vector Graphic - Fill'],
  'ADBE Vectors Group': ['ADBE Vector Group', 'ADBE Vector Shape - Group', 'ADBE Vector Graphic - Fill'],
  'ADBE Effect Parade': ['ADBE Slider Control'],
};
function Property(matchName) {
  this.matchName = matchName;
  this.name = matchName;
  this.children = [];
  this.value = undefined;
  this.keys = null;
  for (const child of CHILDREN[matchName] || []) this.children.push(new Property(child));
}
Property.prototype.property = function (key) {
  if (typeof key === 'number') {
    if (key < 1 || key > this.children.length) throw new Error(this.matchName + ' has no property ' + key);
    return this.children[key - 1];
  }
  for (const c of this.children) if (c.name === key || c.matchName === key) return c;
  throw new Error(this.matchName + ' has no property "' + key + '"');
};
Object.defineProperty(Property.prototype, 'numProperties', { get() { return this.children.length; } });
Property.prototype.addProperty = function (matchName) {
  if (!(ADDABLE[this.matchName] || []).includes(matchName)) {
    throw new Error('cannot add "' + matchName + '" to ' + this.matchName);
  }
  const p = new Property(matchName);
  this.children.push(p);
  return p;
};
Property.prototype.setValue = function (v) {
  if (this.children.length > 0) throw new Error(this.matchName + ' is a group, it has no value');
  record.setValueCalls++;
  this.value = v;
};
Property.prototype.setValuesAtTimes = function (times, values) {
  if (this.children.length > 0) throw new Error(this.matchName + ' is a group, it has no value');
  if (!Array.isArray(times) || !Array.isArray(values) || times.length !== values.length) {
    throw new Error('setValuesAtTimes on ' + this.matchName + ' needs as many values as times');
  }
  for (let i = 1; i < times.length; i++) {
    if (!(times[i] > times[i - 1])) throw new Error('setValuesAtTimes on ' + this.matchName + ': times must rise, at ' + i);
  }
  record.setValuesAtTimesCalls++;
  this.keys = { times: times.slice(), values: values.slice() };
};

// ---- project ----------------------------------------------------------------------------------
function Item(kind, name) { this.kind = kind; this.name = name; this.parentFolder = null; }
function Layer(kind, comp, source) {
  this.kind = kind;
  this.name = source ? source.name : 'Shape Layer';
  this.comment = '';
  this.source = source || null;
  this.startTime = 0;
  this.inPoint = 0;
  this.outPoint = comp.duration;
  this.groups = [new Property('ADBE Transform Group'), new Property('ADBE Effect Parade')];
  if (kind === 'shape') this.groups.push(new Property('ADBE Root Vectors Group'));
}
Layer.prototype.property = function (key) {
  for (const g of this.groups) if (g.matchName === key || g.name === key) return g;
  throw new Error(this.kind + ' layer has no property "' + key + '"');
};
function Comp(name, width, height, pixelAspect, duration, frameRate) {
  Item.call(this, 'comp', name);
  Object.assign(this, { width, height, pixelAspect, duration, frameRate, layerList: [] });
  const comp = this;
  this.layers = {
    add(item) {
      if (!item || item.kind !== 'footage') throw new Error('layers.add needs an imported item');
      const l = new Layer('footage', comp, item); comp.layerList.unshift(l); return l;
    },
    addShape() { const l = new Layer('shape', comp, null); comp.layerList.unshift(l); return l; },
  };
  Object.defineProperty(this.layers, 'length', { get() { return comp.layerList.length; } });
}
Comp.prototype.openInViewer = function () { record.openedInViewer = this.name; };

const app = {
  beginUndoGroup(name) { record.undo.begun++; record.undo.name = name; },
  endUndoGroup() { record.undo.ended++; },
  project: {
    items: {
      addFolder(name) { const f = new Item('folder', name); record.folders.push(f); return f; },
      addComp(name, w, h, par, duration, fps) {
        if (!(Number.isInteger(w) && Number.isInteger(h) && w >= 4 && h >= 4 && w <= 30000 && h <= 30000)) {
          throw new Error('comp size must be whole pixels from 4 to 30000, got ' + w + ' x ' + h);
        }
        if (!(duration > 0 && fps > 0)) throw new Error('comp duration and frame rate must be positive');
        const c = new Comp(name, w, h, par, duration, fps); record.comps.push(c); return c;
      },
    },
    importFile(options) {
      if (!options || !(options.file instanceof File)) throw new Error('importFile needs ImportOptions on a File');
      const file = options.file.fsName;
      if (!fs.existsSync(file)) throw new Error('After Effects cannot import a missing file: ' + file);
      const item = new Item('footage', path.basename(file));
      item.file = file;
      if (file.toLowerCase().endsWith('.png')) {
        [item.width, item.height] = pngSize(file);
      } else if (file.toLowerCase().endsWith('.wav')) {
        item.duration = wavSeconds(file); item.hasAudio = true; item.width = 0; item.height = 0;
      } else {
        throw new Error('the fake imports PNG and WAV only: ' + file);
      }
      record.imports.push(item);
      return item;
    },
  },
};
function ImportOptions(file) { if (!(this instanceof ImportOptions)) throw new Error('ImportOptions needs new'); this.file = file; }
function Shape() { this.vertices = []; this.inTangents = []; this.outTangents = []; this.closed = true; }

const sandbox = {
  app, File, Folder, ImportOptions, Shape,
  $: { fileName: scriptPath },
  alert(message) { record.alerts.push(String(message)); },
  encodeURI, decodeURI,
};
let error = null;
try {
  vm.runInNewContext(fs.readFileSync(scriptPath, 'utf8'), sandbox, { filename: scriptPath });
} catch (e) {
  error = String(e && e.stack || e);
}

// ---- report -----------------------------------------------------------------------------------
const scoreFolder = path.dirname(path.dirname(scriptPath));
const rel = (file) => path.relative(scoreFolder, file).split(path.sep).join('/');
function describe(layer) {
  const transform = layer.property('ADBE Transform Group');
  const out = { kind: layer.kind, name: layer.name, comment: layer.comment, startTime: layer.startTime,
    inPoint: layer.inPoint, outPoint: layer.outPoint, source: layer.source ? rel(layer.source.file) : null,
    sourceParent: layer.source && layer.source.parentFolder ? layer.source.parentFolder.name : null,
    position: transform.property('ADBE Position').value, scale: transform.property('ADBE Scale').value, keys: {} };
  for (const p of transform.children) if (p.keys) out.keys[p.matchName] = p.keys;
  for (const fx of layer.property('ADBE Effect Parade').children) {
    const slider = fx.property('ADBE Slider Control-0001');
    if (slider.keys) out.keys[fx.name] = slider.keys;
  }
  if (layer.kind === 'shape') {
    out.paths = []; out.fills = [];
    const walk = (group) => {
      for (const c of group.children) {
        if (c.matchName === 'ADBE Vector Shape - Group') out.paths.push(c.property('ADBE Vector Shape').value);
        if (c.matchName === 'ADBE Vector Graphic - Fill') {
          out.fills.push({ color: c.property('ADBE Vector Fill Color').value, rule: c.property('ADBE Vector Fill Rule').value });
        }
        if (c.matchName === 'ADBE Vector Group') walk(c.property('ADBE Vectors Group'));
      }
    };
    walk(layer.property('ADBE Root Vectors Group'));
  }
  return out;
}
const report = {
  error,
  alerts: record.alerts,
  undo: record.undo,
  setValuesAtTimesCalls: record.setValuesAtTimesCalls,
  folders: record.folders.map((f) => ({ name: f.name, parent: f.parentFolder ? f.parentFolder.name : null })),
  imports: record.imports.map((i) => ({ file: rel(i.file), parent: i.parentFolder ? i.parentFolder.name : null })),
  openedInViewer: record.openedInViewer,
  comps: record.comps.map((c) => ({ name: c.name, width: c.width, height: c.height, pixelAspect: c.pixelAspect,
    duration: c.duration, frameRate: c.frameRate, parent: c.parentFolder ? c.parentFolder.name : null,
    layers: c.layerList.map(describe) })),
};
process.stdout.write(JSON.stringify(report));
