import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CONTACT_LIST_API, CONTACTS_PAGE_SIZE, readPage } from '../../api/contactLists';
import { optionsField, streamIdOption } from '../common.fields';
import type { Operation } from '../types';
import { contactListField } from './fields';
import { readLimit, returnAllFields } from '../returnAll.fields';
import { contactListRequest, readContactListTarget } from './listInputs';

/**
 * Kore.ai ("Get all Contacts of a Contact List API-v2"):
 * `GET .../campaign/contactList/{id}/getAllContacts?accountId=..&skip=..&limit=..`, answered
 * `data: {results: [{_id, phoneNumber, createdAt, updatedAt, ...columns}], skip, limit, hasMore, totalPages, totalResults}`.
 * One output item per contact, as Kore.ai gives it. Pages of 100 are read, `skip` advancing by
 * what each page returned, until Kore.ai says there are no more (`hasMore`), the Limit is reached,
 * or a page brings no contact not seen before (a server ignoring `skip` would repeat forever).
 *
 * Contacts added with Add Contacts appear only once Kore.ai has imported them (asynchronously).
 */

/** A bound on the paging loop: 10,000 pages of 100. */
const MAX_PAGES = 10000;

export const getContactListContacts: Operation = {
	value: 'getContacts',
	name: 'Get Contacts',
	action: () => 'Get Contacts of a Contact List',
	description: () =>
		'List the contacts of a contact list, one item per contact with its phone number and other columns',
	properties: [
		contactListField('The contact list whose contacts to return: pick it from the list, or give its ID (cl-...)'),
		...returnAllFields(),
		optionsField([streamIdOption]),
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const { listId, streamId } = readContactListTarget.call(this, itemIndex);
		const limit = readLimit.call(this, itemIndex);
		const pageSize = Math.min(limit, CONTACTS_PAGE_SIZE);
		const endpoint = CONTACT_LIST_API.getContacts;
		const seen = new Set<string>();
		const out: IDataObject[] = [];
		let skip = 0;
		for (let pages = 0; pages < MAX_PAGES && out.length < limit; pages++) {
			const result = await contactListRequest.call(this, itemIndex, listId, {
				method: endpoint.method,
				api: endpoint.api,
				path: endpoint.path(listId),
				qs: { skip, limit: pageSize },
				streamId,
				action: `get the contacts of contact list ${listId}`,
			});
			if ('missing' in result) throw result.missing;
			const page = readPage(result.body, skip, pageSize);
			let fresh = 0;
			for (const contact of page.results) {
				const id = typeof contact._id === 'string' ? contact._id : undefined;
				if (id !== undefined) {
					if (seen.has(id)) continue;
					seen.add(id);
				}
				fresh++;
				if (out.length < limit) out.push(contact);
			}
			if (!page.hasMore || fresh === 0) break;
			skip += page.results.length;
		}
		return out;
	},
};
