import { GroupQueue } from './group-queue';

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

it('sends what arrives while a group is under way together in the next group, one group at a time', async () => {
  const groups: number[][] = [];
  const first = deferred();
  const queue = new GroupQueue<number, number>(async (items) => {
    groups.push(items);
    if (groups.length === 1) await first.promise;
    return items.map((n) => n * 10);
  });
  const answers = [queue.submit(1), queue.submit(2), queue.submit(3), queue.submit(4)];
  first.release();
  expect(await Promise.all(answers)).toEqual([10, 20, 30, 40]);
  expect(groups).toEqual([[1], [2, 3, 4]]);
});

it('fails an item alone when the group answers it with an Error, and the whole group when it throws', async () => {
  const perItem = new GroupQueue<number, number>(async (items) =>
    items.map((n) => (n < 0 ? new Error(`bad ${n}`) : n)),
  );
  const outcomes = await Promise.allSettled([perItem.submit(1), perItem.submit(-1)]);
  expect(outcomes).toEqual([
    { status: 'fulfilled', value: 1 },
    { status: 'rejected', reason: new Error('bad -1') },
  ]);

  const throwing = new GroupQueue<number, number>(async () => {
    throw new Error('down');
  });
  expect(await Promise.allSettled([throwing.submit(1), throwing.submit(2)])).toEqual([
    { status: 'rejected', reason: new Error('down') },
    { status: 'rejected', reason: new Error('down') },
  ]);
});

it('takes at most maxGroup items per group', async () => {
  const sizes: number[] = [];
  const queue = new GroupQueue<number, number>(async (items) => (sizes.push(items.length), items), 2);
  await Promise.all([1, 2, 3, 4, 5].map((n) => queue.submit(n)));
  expect(sizes).toEqual([1, 2, 2]);
});
