import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { EXAMPLE_IDS } from '../../../../common/identifiers';
import { charCount, visible } from '../../../../common/text';
import { getContactListRequest } from '../../api/contactListRequests';
import { CONTACT_LIST_LIMITS } from '../../api/contactLists';
import { koreAiRequest } from '../../transport';
import { readIdentifier, readStreamId } from '../readInputs';

/** Reading a Contact List operation's inputs, and reading one list. */

/** The list (its ID) an operation acts on, and the app it belongs to. */
export function readContactListTarget(
	this: IExecuteFunctions,
	itemIndex: number,
): { listId: string; streamId: string | undefined } {
	return {
		listId: readIdentifier.call(
			this,
			'contactListId',
			'Contact List ID',
			itemIndex,
			EXAMPLE_IDS.contactList,
		),
		streamId: readStreamId.call(this, itemIndex),
	};
}

/**
 * A list name or description, trimmed and checked against Kore.ai's limit before any request.
 * `required`: empty is refused (a name); otherwise empty gives undefined.
 */
export function readListText(
	this: IExecuteFunctions,
	parameter: 'name' | 'description' | 'updateFields.name' | 'updateFields.description',
	itemIndex: number,
	required: boolean,
): string | undefined {
	const key = parameter.endsWith('name') ? 'name' : 'description';
	const field = key === 'name' ? 'Name' : 'Description';
	const max = CONTACT_LIST_LIMITS[key];
	const raw = this.getNodeParameter(parameter, itemIndex, '') as unknown;
	if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
		throw new NodeOperationError(
			this.getNode(),
			`${field} of item ${itemIndex} must be text. Map a field that holds text.`,
			{ itemIndex },
		);
	}
	const text = raw === undefined || raw === null ? '' : String(raw).trim();
	if (text === '') {
		if (!required) return undefined;
		const what =
			key === 'name'
				? 'the contact list\'s name, e.g. "Renewal Due - July 2025"'
				: 'a description (Kore.ai requires one), e.g. "Customers whose plan renews in July"';
		throw new NodeOperationError(
			this.getNode(),
			`${field} of item ${itemIndex} is empty. Enter ${what}, or map one with an expression.`,
			{ itemIndex },
		);
	}
	if (charCount(text) > max) {
		throw new NodeOperationError(
			this.getNode(),
			`${field} of item ${itemIndex} is ${charCount(text)} characters long; Kore.ai allows at most ${max}. Shorten it ("${visible(text, 40)}").`,
			{ itemIndex },
		);
	}
	return text;
}

/**
 * "Get Contact List Details API-v2" (get-contact-list-details-v2.mdx): Kore.ai's answer for one list
 * (`data` is the list). Get returns it; Delete's guards read it before deleting. A missing list is
 * the error naming it.
 */
export async function readContactList(
	this: IExecuteFunctions,
	itemIndex: number,
	listId: string,
	streamId: string | undefined,
): Promise<IDataObject> {
	return await koreAiRequest.call(this, itemIndex, getContactListRequest(listId, streamId));
}
