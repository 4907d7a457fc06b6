import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { checkIdentifier, EXAMPLE_IDS } from '../../../../common/identifiers';
import { charCount, isObject, objectAt, visible } from '../../../../common/text';
import { CONTACT_LIST_LIMITS, contactListNameOf } from '../../api/contactLists';
import { readNumber, readStreamId } from '../readInputs';
import { contactsPerRequestOption } from './addContacts.fields';
import { readContactList } from './listInputs';
import { readPhoneNumber } from './phoneOptions';

/**
 * Reading Add Contacts' input items: each item's list (by name, or by ID and then looked up, since
 * Kore.ai adds by name), app and contact (its phone number, checked, and its other columns). A
 * wrong value refuses only its item.
 */

type ColumnsMode = 'none' | 'selected' | 'all';

/** One input item read: its contact and where it goes, or why it was refused. */
export type ReadItem =
	| {
			itemIndex: number;
			groupKey: string;
			list: ListRef;
			streamId: string | undefined;
			contact: IDataObject;
	  }
	| { itemIndex: number; refused: NodeOperationError; phoneNumber: string };

export type ListRef = { byName: string } | { byId: string };

/** Contacts per Request, read from the first item: batching concerns every item at once. */
export function readContactsPerRequest(this: IExecuteFunctions): number {
	return readNumber.call(this, contactsPerRequestOption, 0, {
		parameter: `options.${contactsPerRequestOption.name}`,
		where: contactsPerRequestOption.displayName,
	});
}

/** One item's list, app and contact; a wrong phone number, list or column refuses the item. */
export function readItem(this: IExecuteFunctions, itemIndex: number): ReadItem {
	const rawPhone = this.getNodeParameter('phoneNumber', itemIndex, '') as unknown;
	const phoneNumber =
		typeof rawPhone === 'string' || typeof rawPhone === 'number' ? String(rawPhone) : '';
	try {
		const list = readListRef.call(this, itemIndex);
		const streamId = readStreamId.call(this, itemIndex);
		const contact = {
			...readColumns.call(this, itemIndex, rawPhone),
			phoneNumber: readPhoneNumber.call(this, itemIndex, rawPhone),
		};
		const key = 'byName' in list ? `name:${list.byName}` : `id:${list.byId}`;
		return { itemIndex, groupKey: `${streamId ?? ''}\n${key}`, list, streamId, contact };
	} catch (error) {
		const refused =
			error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), {
						itemIndex,
					});
		return { itemIndex, refused, phoneNumber };
	}
}

function readListRef(this: IExecuteFunctions, itemIndex: number): ListRef {
	const locator = this.getNodeParameter('contactList', itemIndex) as unknown;
	const mode = isObject(locator) ? locator.mode : undefined;
	const value = isObject(locator) ? locator.value : locator;
	if (mode === 'name') {
		const name = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
		if (name === '') {
			throw new NodeOperationError(
				this.getNode(),
				`Contact List name of item ${itemIndex} is empty. Enter the list's exact name, or pick the list.`,
				{ itemIndex },
			);
		}
		if (charCount(name) > CONTACT_LIST_LIMITS.name) {
			throw new NodeOperationError(
				this.getNode(),
				`Contact List name of item ${itemIndex} is ${charCount(name)} characters long; Kore.ai list names have at most ${CONTACT_LIST_LIMITS.name} ("${visible(name, 40)}"). Check the mapped value.`,
				{ itemIndex },
			);
		}
		return { byName: name };
	}
	const checked = checkIdentifier(
		value,
		`Contact List ID of item ${itemIndex}`,
		EXAMPLE_IDS.contactList,
	);
	if ('problem' in checked)
		throw new NodeOperationError(this.getNode(), checked.problem, { itemIndex });
	return { byId: checked.id };
}

/** The contact's columns besides the phone number (Other Columns). */
function readColumns(this: IExecuteFunctions, itemIndex: number, rawPhone: unknown): IDataObject {
	const mode = this.getNodeParameter('columnsMode', itemIndex, 'none') as ColumnsMode;
	const columns: IDataObject = {};
	if (mode === 'all') {
		for (const [key, value] of Object.entries(this.getInputData()[itemIndex].json)) {
			if (value === rawPhone || key === 'phoneNumber') continue;
			// Kore.ai's columns are flat values; objects and lists have no column to go in.
			if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
				columns[key] = value;
		}
	} else if (mode === 'selected') {
		const collection = this.getNodeParameter('columns.column', itemIndex, []) as IDataObject[];
		for (const [position, column] of collection.entries()) {
			const name = typeof column.name === 'string' ? column.name.trim() : '';
			if (name === '') {
				throw new NodeOperationError(
					this.getNode(),
					`Column ${position + 1} of item ${itemIndex} has no name. Enter the Kore.ai column name, e.g. firstName.`,
					{ itemIndex },
				);
			}
			if (name === 'phoneNumber') {
				throw new NodeOperationError(
					this.getNode(),
					`Column ${position + 1} of item ${itemIndex} is named phoneNumber; the phone number comes from the Phone Number field. Remove that column.`,
					{ itemIndex },
				);
			}
			const value = column.value;
			columns[name] =
				typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
					? value
					: value === undefined || value === null
						? ''
						: JSON.stringify(value);
		}
	}
	return columns;
}

/** The list's name (Kore.ai adds by name): given, or looked up by ID. */
export async function resolveList(
	this: IExecuteFunctions,
	list: ListRef,
	streamId: string | undefined,
	itemIndex: number,
): Promise<{ listName: string; listId?: string }> {
	if ('byName' in list) return { listName: list.byName };
	const answer = await readContactList.call(this, itemIndex, list.byId, streamId);
	const name = contactListNameOf(objectAt(answer, 'data'));
	if (name === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Kore.ai's answer for contact list ${list.byId} has no name, and contacts are added by list name. Choose the list By Name instead.`,
			{ itemIndex },
		);
	}
	return { listName: name, listId: list.byId };
}
