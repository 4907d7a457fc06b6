import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getContactsRequest } from '../../api/contactListRequests';
import { CONTACTS_PAGE_SIZE } from '../../api/contactLists';
import { collectPages, incompleteListing, readPage } from '../../api/paging';
import { koreAiRequest } from '../../transport';
import { optionsField, streamIdOption } from '../common.fields';
import type { Operation } from '../types';
import { contactListField } from './fields';
import { readLimit, returnAllFields } from '../returnAll.fields';
import { readContactListTarget } from './listInputs';

/**
 * Kore.ai ("Get all Contacts of a Contact List API-v2"):
 * `GET .../campaign/contactList/{id}/getAllContacts?accountId=..&skip=..&limit=..`, answered
 * `data: {results: [{_id, phoneNumber, createdAt, updatedAt, ...columns}], skip, limit, hasMore, totalPages, totalResults}`.
 * One output item per contact, as Kore.ai gives it. The page documents no request paging but its
 * answer pages, so `skip` and `limit` are sent as the answer names them (the contract's reading);
 * if Kore.ai says more follow and the next page brings none not already read, the item fails with
 * how many of how many were read (api/paging.ts) instead of returning part of the list.
 *
 * Contacts added with Add Contacts appear only once Kore.ai has imported them (asynchronously).
 */

export const getContactListContacts: Operation = {
	value: 'getContacts',
	name: 'Get Contacts',
	action: () => 'Get Contacts of a Contact List',
	description: () =>
		'List the contacts of a contact list, one item per contact with its phone number and other columns',
	properties: [
		contactListField(
			'The contact list whose contacts to return: pick it from the list, or give its ID (cl-...)',
		),
		...returnAllFields(),
		optionsField([streamIdOption]),
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const { listId, streamId } = readContactListTarget.call(this, itemIndex);
		const limit = readLimit.call(this, itemIndex);
		const collected = await collectPages(
			async (skip, pageSize) => {
				const answer = await koreAiRequest.call(
					this,
					itemIndex,
					getContactsRequest(listId, { skip, limit: pageSize }, streamId),
				);
				return readPage(answer, skip, pageSize);
			},
			{
				limit,
				pageSize: Math.min(limit, CONTACTS_PAGE_SIZE),
				idOf: (contact) => (typeof contact._id === 'string' ? contact._id : undefined),
			},
		);
		if (!collected.complete)
			throw incompleteListing(
				this.getNode(),
				itemIndex,
				`the contacts of contact list ${listId}`,
				collected,
			);
		return collected.entries;
	},
};
