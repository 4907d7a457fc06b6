// The one paging loop (dist/.../api/paging.js): a listing that cannot be complete says so.
const { collectPages } = require('../../dist/nodes/KoreAiContactCenter/api/paging');

const entries = (from, n) => Array.from({ length: n }, (_, i) => ({ _id: `e-${from + i}` }));
const idOf = (entry) => entry._id;

test('pages until Kore.ai says there are no more', async () => {
	const pages = [
		{ results: entries(0, 2), hasMore: true },
		{ results: entries(2, 1), hasMore: false },
	];
	const collected = await collectPages(async () => pages.shift(), {
		limit: Infinity,
		pageSize: 2,
		idOf,
	});
	expect(collected).toMatchObject({ complete: true });
	expect(collected.entries.map(idOf)).toEqual(['e-0', 'e-1', 'e-2']);
});

test.each([
	['an empty page', { results: [], hasMore: true, totalResults: 5 }],
	['the same page again', { results: entries(0, 2), hasMore: true, totalResults: 5 }],
])(
	'%s while Kore.ai says more follow: not complete, "repeated", never a silent end',
	async (_label, second) => {
		const pages = [{ results: entries(0, 2), hasMore: true, totalResults: 5 }, second];
		const collected = await collectPages(async () => pages.shift(), {
			limit: Infinity,
			pageSize: 2,
			idOf,
		});
		expect(collected).toMatchObject({ complete: false, stoppedBy: 'repeated', total: 5 });
		expect(collected.entries).toHaveLength(2);
	},
);

test('a limit reached is complete; a total that changes between pages stops a listing that must not have gaps', async () => {
	const full = [{ results: entries(0, 2), hasMore: true }];
	expect(
		await collectPages(async () => full.shift(), { limit: 2, pageSize: 2, idOf }),
	).toMatchObject({ complete: true });
	const shifting = [
		{ results: entries(0, 2), hasMore: true, totalResults: 4 },
		{ results: entries(2, 2), hasMore: false, totalResults: 3 },
	];
	const collected = await collectPages(async () => shifting.shift(), {
		limit: Infinity,
		pageSize: 2,
		idOf,
		stopWhenTotalChanges: true,
	});
	expect(collected).toMatchObject({ complete: false, stoppedBy: 'totalChanged' });
});
