// micromark (remark-parse's tokenizer) closes every list item and block quote by batching an edit of its
// events in an EditMap (micromark-util-edit-map 1.0.0) and applying it with `consume`, which copies the
// whole event list each time, so a body's parse time grows with the square of its list items and quotes
// (200 items walk 0.7 M events, 400 walk 2.9 M). Those edits sit near the end of the list. This replaces
// `consume` with one that gives the same list but copies only from the first edit on.
import { EditMap } from 'micromark-util-edit-map';

/** One micromark event ([kind, token, context]); only moved here, never looked into. */
type Event = unknown;

type Change = [index: number, remove: number, add: Event[]];
interface EditMapFields {
  map: Change[];
  index: Map<number, Change>;
}

type Consume = (this: EditMapFields, events: Event[]) => undefined;
const prototype = EditMap.prototype as unknown as { consume: Consume };
// Kept on the prototype, not in this module, so a second copy of this module (a test runner's) finds it too.
const UPSTREAM = Symbol.for('sparbar.upstream-edit-map-consume');
const store = prototype as unknown as Record<symbol, Consume | undefined>;
let moved = 0;

/**
 * Applies the batched edits to `events` in place: the same result as micromark-util-edit-map's `consume`
 * (changes sorted by index; each removes `remove` events at `index` and puts `add` there; where a removal
 * runs past the next change, that change's events are kept as the original keeps them), in time linear in
 * the events from the first change to the end plus those added, instead of in all of `events`.
 */
function consumeFromFirstChange(this: EditMapFields, events: Event[]): undefined {
  this.map.sort((a, b) => a[0] - b[0]);
  if (this.map.length === 0) return;
  const first = this.map[0]![0];
  const tail: Event[] = [];
  let at = first;
  for (const [index, remove, add] of this.map) {
    for (let i = at; i < Math.min(index, events.length); i++) tail.push(events[i]);
    for (const event of add) tail.push(event);
    at = index + remove;
  }
  for (let i = at; i < events.length; i++) tail.push(events[i]);
  events.length = first;
  for (const event of tail) events.push(event);
  moved += tail.length;
  this.map.length = 0;
  this.index.clear();
}

/**
 * Makes micromark's event edits linear in the edited part of the document (see above); idempotent, and
 * called by every module that parses markdown before it parses. Upstream: micromark-util-edit-map 1.0.0,
 * `EditMap#consume`.
 */
export function installLinearEditMap(): void {
  store[UPSTREAM] ??= prototype.consume;
  prototype.consume = consumeFromFirstChange;
}

/** micromark-util-edit-map's own `consume`, for a test that compares the two. */
export function upstreamConsume(): Consume {
  return store[UPSTREAM] ?? prototype.consume;
}

/** Events moved by the edits since the process started: lets a test see that parsing is linear in work done. */
export function editMapEventsMoved(): number {
  return moved;
}
