import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deleteCampaignRequest } from '../../api/campaignRequests';
import { objectAt } from '../../../../common/text';
import { simplifyCampaignAnswer } from '../../output/simplifyCampaign';
import { koreAiRequestOrNotFound } from '../../transport';
import { singleCampaignFields } from '../common.fields';
import {
	changedWarning,
	dryRunItem,
	dryRunOption,
	expectedNameOption,
	guardProblem,
	isGuarded,
	onlyWhenStatusIsOption,
	readDeleteGuards,
	refusal,
	subjectOf,
} from '../deleteGuards';
import { itemParameter } from '../../../../common/itemParameter';
import { readCampaignTarget } from '../readInputs';
import type { CampaignResourceInfo, Operation } from '../types';
import { readCampaignOrNotFound } from './readCampaign';

/**
 * Kore.ai (delete-sms-campaign-v2.mdx, delete-voice-campaign-v2.mdx):
 * `DELETE /campaign/api/v2/public/{streamId}/campaign/{campaignId}?accountId=..&campaignType=sms|voice`
 * (api/campaignRequests.ts).
 * Deletion is permanent: Kore.ai has no undo and answers with the deleted campaign's details, which
 * become the output item. Deleting a campaign a second time answers "not found".
 *
 * A DELETE can be repeated safely: a repeat cannot delete anything more. So the transport retries
 * it after tries whose outcome is unknown (timeout, connection reset, 502/503/504, an answer lost
 * or cut off on the way back). If such a retry answers "not found", the earlier try deleted the
 * campaign: the item says `deleted: true` with `confirmedOnRetry: true` and `attempts`. Kore.ai's
 * answer to the try that deleted it was lost, so such an item has no campaign details (name,
 * status, ...), whatever Simplify says.
 *
 * "Not found" without such an earlier try means the campaign was not there: an error, unless the
 * option "Treat Missing Campaigns as Deleted" is on; then the item says `deleted: false` and gives
 * the `reason`. The error's advice names that option: re-running a sheet is the usual cause.
 *
 * With Dry Run, Only When Status Is or Expected Name (deleteGuards.ts) the campaign is read first
 * with Get (get-sms-campaign-by-id-v2.mdx, get-voice-campaign-by-id-v2.mdx: no `campaignType`, the
 * type of what comes back is checked, readCampaign.ts). A campaign missing at that read is treated
 * as the DELETE would treat it: the same error, or with Treat Missing Campaigns as Deleted the same
 * `deleted: false` item (a dry run adds `dryRun: true` and `wouldDelete: false`). A campaign of the
 * other type (a voice campaign's ID under SMS Campaign) fails the item with the type check's
 * sentence, in a dry run too and whatever Treat Missing says: it exists, and it is not this
 * operation's to delete.
 */

const treatMissingAsDeletedOption: INodeProperties = {
	displayName: 'Treat Missing Campaigns as Deleted',
	name: 'treatMissingAsDeleted',
	type: 'boolean',
	default: false,
	description:
		'Whether a campaign that is not there counts as done (deleted: false, with the reason) instead of failing the item, also in a dry run or under a guard. Turn it on to run the same rows again after a partial run.',
};

/** Shown above the fields: the panel says it before anyone reads a tooltip. */
const permanentNotice: INodeProperties = {
	displayName:
		'Deletion is permanent: Kore.ai has no undo, and a deleted campaign cannot be recovered.',
	name: 'deleteCampaignNotice',
	type: 'notice',
	default: '',
};

export const deleteCampaign: Operation<CampaignResourceInfo> = {
	value: 'delete',
	name: 'Delete',
	action: (resource) => `Delete ${resource.label} Campaign`,
	description: (resource) => `Permanently delete ${resource.aCampaign} and return its details`,
	properties: [
		permanentNotice,
		...singleCampaignFields(
			'The campaign to delete: pick it from the list, or give its ID (cd-...), typed in or mapped from the previous node with an expression',
			[
				treatMissingAsDeletedOption,
				dryRunOption('campaign'),
				onlyWhenStatusIsOption,
				expectedNameOption('campaign'),
			],
		),
	],

	async execute(
		this: IExecuteFunctions,
		itemIndex: number,
		resource: CampaignResourceInfo,
	): Promise<IDataObject> {
		const { campaignId, streamId } = readCampaignTarget.call(this, itemIndex);
		const treatMissingAsDeleted =
			itemParameter.call(this, 'options.treatMissingAsDeleted', itemIndex, false) === true;
		const guards = readDeleteGuards.call(this, itemIndex, 'campaign');
		const simplify = itemParameter.call(this, 'simplify', itemIndex, true) !== false;
		const { campaignType } = resource;
		const kind = `${resource.label} campaign`;
		const missing = (appId: string): IDataObject => ({
			deleted: false,
			campaignId,
			campaignType,
			reason: `Campaign ${campaignId} was not found in app ${appId}, so there was nothing to delete (it may have been deleted earlier).`,
		});
		// Running the same rows again is the usual reason: the advice names the option made for it.
		// The guards' read gives the same advice: a campaign missing then is missing for the DELETE too.
		const ifMissing = {
			what: `Campaign ${campaignId}`,
			advice: `Deleted by an earlier run? Turn on Options > ${treatMissingAsDeletedOption.displayName} to count it as done. Otherwise check the Campaign ID, and that it is ${resource.aCampaign} of this app.`,
		};

		if (isGuarded(guards)) {
			const read = await readCampaignOrNotFound.call(
				this,
				itemIndex,
				{ campaignId, streamId, resource },
				ifMissing,
			);
			if (!read.found) {
				if (!treatMissingAsDeleted) throw read.error;
				const item = missing(read.streamId);
				return guards.dryRun ? dryRunItem(item, String(item.reason)) : item;
			}
			const asRead = read.data;
			const subject = subjectOf(kind, campaignId, asRead);
			if (guards.dryRun) {
				const details = simplify
					? simplifyCampaignAnswer(read.body, campaignId, campaignType)
					: read.body;
				return dryRunItem(details, guardProblem(guards, asRead, subject, 'would not be deleted'));
			}
			const problem = guardProblem(guards, asRead, subject, 'was not deleted');
			if (problem !== undefined) throw refusal.call(this, problem, itemIndex);
		}

		const result = await koreAiRequestOrNotFound.call(
			this,
			itemIndex,
			deleteCampaignRequest({ campaignId, type: campaignType, streamId }, ifMissing),
		);

		if (!result.found) {
			if (result.earlierTryMayHaveTakenEffect) {
				return {
					deleted: true,
					campaignId,
					campaignType,
					confirmedOnRetry: true,
					attempts: result.attempts,
					message: `Campaign ${campaignId} is deleted: Kore.ai's answer to an earlier try was lost, and the retry found the campaign gone. Its details are not available.`,
				};
			}
			if (treatMissingAsDeleted) return missing(result.streamId);
			throw result.error;
		}

		const item = simplify
			? { deleted: true, ...simplifyCampaignAnswer(result.body, campaignId, campaignType) }
			: result.body;
		const asDeleted = objectAt(result.body, 'data');
		const warning = isGuarded(guards)
			? changedWarning(guards, asDeleted, subjectOf(kind, campaignId, asDeleted))
			: undefined;
		return warning === undefined ? item : { ...item, warning };
	},
};
