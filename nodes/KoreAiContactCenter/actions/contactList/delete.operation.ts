import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { objectAt } from '../../../../common/text';
import { deleteContactListRequest } from '../../api/contactListRequests';
import { koreAiRequestOrNotFound } from '../../transport';
import { optionsField, streamIdOption } from '../common.fields';
import {
	changedWarning,
	dryRunItem,
	dryRunOption,
	expectedNameOption,
	guardProblem,
	isGuarded,
	readDeleteGuards,
	refusal,
	subjectOf,
} from '../deleteGuards';
import type { Operation } from '../types';
import { contactListField } from './fields';
import { readContactList, readContactListTarget } from './listInputs';

/**
 * Kore.ai ("Delete Contact List Details API"): `DELETE .../campaign/contactList/{id}?accountId=..`,
 * answered `{status: "success", message: "Contact list <name> deleted successfully", data: {...}}`.
 * Permanent: the list and its contacts are gone, with no undo. The output item is
 * `{deleted: true, message, ...data}`.
 *
 * A DELETE is safely repeated by the transport after a try whose answer was lost; when that repeat
 * finds the list gone, the earlier try deleted it: `deleted: true, confirmedOnRetry: true`, without
 * the list's details. A list not there at all is an error naming it.
 *
 * With Dry Run or Expected Name (deleteGuards.ts) the list is read first with Contact List > Get's
 * request (readContactList, get-contact-list-details-v2.mdx); a list missing then is the same error.
 */
export const deleteContactList: Operation = {
	value: 'delete',
	name: 'Delete',
	action: () => 'Delete Contact List',
	description: () =>
		'Permanently delete a contact list and all its contacts (cannot be undone); campaigns that use it lose it',
	properties: [
		{
			displayName:
				'Deletion is permanent: the list and all its contacts cannot be recovered, and campaigns that use the list lose it.',
			name: 'deleteContactListNotice',
			type: 'notice',
			default: '',
		},
		contactListField('The contact list to delete: pick it from the list, or give its ID (cl-...)'),
		optionsField([
			streamIdOption,
			dryRunOption('contact list'),
			expectedNameOption('contact list'),
		]),
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const { listId, streamId } = readContactListTarget.call(this, itemIndex);
		const guards = readDeleteGuards.call(this, itemIndex, 'contact list');
		if (isGuarded(guards)) {
			const read = await readContactList.call(this, itemIndex, listId, streamId);
			const asRead = objectAt(read, 'data');
			const subject = subjectOf('Contact list', listId, asRead);
			if (guards.dryRun)
				return dryRunItem(
					{ _id: listId, ...asRead },
					guardProblem(guards, asRead, subject, 'would not be deleted'),
				);
			const problem = guardProblem(guards, asRead, subject, 'was not deleted');
			if (problem !== undefined) throw refusal.call(this, problem, itemIndex);
		}

		const result = await koreAiRequestOrNotFound.call(
			this,
			itemIndex,
			deleteContactListRequest(listId, streamId),
		);
		if (!result.found) {
			if (!result.earlierTryMayHaveTakenEffect) throw result.error;
			return {
				deleted: true,
				_id: listId,
				confirmedOnRetry: true,
				attempts: result.attempts,
				message: `Contact list ${listId} is deleted: Kore.ai's answer to an earlier try was lost, and the retry found the list gone.`,
			};
		}
		const data = objectAt(result.body, 'data');
		const out: IDataObject = { deleted: true, _id: listId, ...data };
		if (typeof result.body.message === 'string') out.message = result.body.message;
		const warning = isGuarded(guards)
			? changedWarning(guards, data, subjectOf('Contact list', listId, data))
			: undefined;
		if (warning !== undefined) out.warning = warning;
		return out;
	},
};
