import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { visible } from '../../../../common/text';
import { contactListIdOf, contactListNameOf, fetchContactLists } from '../../api/contactLists';
import { incompleteListing, type Collected } from '../../api/paging';

/**
 * Kore.ai refers to contact lists by name (`contactLists: [names]` on every create and update page).
 * A list's ID (cl-...), mapped from another node or typed in an expression, would be sent as a name
 * that matches no list. Such a value is turned into its list's name: the app's lists are read once
 * per execution and app (not per item). A value that is the name of a list stays as it is; an ID no
 * list has is refused, naming the field, before anything is created or changed.
 */

const LIST_ID = /^cl-[0-9a-z-]+$/i;
const listings = new WeakMap<object, Map<string, Promise<Collected>>>();

function listsOf(
	this: IExecuteFunctions,
	itemIndex: number,
	streamId: string | undefined,
): Promise<Collected> {
	let byApp = listings.get(this);
	if (!byApp) listings.set(this, (byApp = new Map()));
	const key = streamId ?? '';
	let lists = byApp.get(key);
	if (!lists) {
		lists = fetchContactLists.call(this, itemIndex, { limit: Number.POSITIVE_INFINITY, streamId });
		byApp.set(key, lists);
	}
	return lists;
}

export async function contactListNames(
	this: IExecuteFunctions,
	itemIndex: number,
	names: string[],
	streamId: string | undefined,
): Promise<string[]> {
	if (!names.some((name) => LIST_ID.test(name))) return names;
	const listing = await listsOf.call(this, itemIndex, streamId);
	if (!listing.complete)
		throw incompleteListing(
			this.getNode(),
			itemIndex,
			"the app's contact lists (to find the names of the IDs given)",
			listing,
		);
	const lists = listing.entries;
	return names.map((name) => {
		if (!LIST_ID.test(name) || lists.some((list) => contactListNameOf(list) === name)) return name;
		const list = lists.find((candidate) => contactListIdOf(candidate) === name);
		const listName = list === undefined ? undefined : contactListNameOf(list);
		if (listName === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`Contact Lists of item ${itemIndex} has "${visible(name, 60)}", which looks like a contact list ID, but no contact list of this app has that ID or name. Kore.ai refers to lists by name: pick them from the list, or give their names.`,
				{ itemIndex },
			);
		}
		return listName;
	});
}
