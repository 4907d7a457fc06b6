import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { contactListNameOf, fetchContactLists } from '../api/contactLists';
import { currentStreamId } from './currentStreamId';

/**
 * The app's contact lists for a multi-choice field whose value is the list NAME: Kore.ai's
 * campaigns reference their contact lists (and DNC lists) by name, not ID (`contactLists: [name]`
 * in Create / Update Campaign). Sorted by name; each shows its ID and size as description.
 */

/** Far beyond any app; a bound for the editor's dropdown. */
const MAX_LISTS = 5000;

export async function getContactListNames(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	// A dropdown shows what could be read, even when Kore.ai's listing could not be completed.
	const lists = (
		await fetchContactLists.call(this, 0, {
			limit: MAX_LISTS,
			streamId: currentStreamId.call(this),
		})
	).entries;
	const options: INodePropertyOptions[] = [];
	const seen = new Set<string>();
	for (const list of lists) {
		const name = contactListNameOf(list);
		if (name === undefined || seen.has(name)) continue;
		seen.add(name);
		const count =
			typeof list.totalRecordCount === 'number' ? `${list.totalRecordCount} contacts` : undefined;
		const id = typeof list._id === 'string' ? list._id : undefined;
		options.push({
			name,
			value: name,
			description: [count, id].filter(Boolean).join(', ') || undefined,
		});
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
