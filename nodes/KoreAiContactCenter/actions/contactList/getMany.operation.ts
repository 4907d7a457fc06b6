import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fetchContactLists } from '../../api/contactLists';
import { incompleteListing } from '../../api/paging';
import { optionsField, streamIdOption } from '../common.fields';
import { readStreamId } from '../readInputs';
import type { Operation } from '../types';
import { readLimit, returnAllFields } from '../returnAll.fields';

/**
 * Kore.ai ("Get All Contact Lists"): `POST .../campaign/contactList/getAllListDetails?accountId=..&type=call`
 * (path and the choice of prefix: api/contactListRequests.ts). One output item per list, as Kore.ai gives
 * it: `_id`, `name`, `description`, `totalRecordCount`, `status`, `listType`, `isListInUse`,
 * `campaignInUse`, `source`, `apiConfigurations`, `updatedAt`, ...
 */
export const getManyContactLists: Operation = {
	value: 'getMany',
	name: 'Get Many',
	action: () => 'Get Many Contact Lists',
	description: () =>
		"List the app's contact lists, one item per list with its ID (_id), name, number of contacts (totalRecordCount) and the campaigns using it",
	properties: [...returnAllFields(), optionsField([streamIdOption])],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const limit = readLimit.call(this, itemIndex);
		const streamId = readStreamId.call(this, itemIndex);
		const lists = await fetchContactLists.call(this, itemIndex, { limit, streamId });
		if (!lists.complete)
			throw incompleteListing(this.getNode(), itemIndex, "the app's contact lists", lists);
		return lists.entries;
	},
};
