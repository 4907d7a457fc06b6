import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { scheduleCampaignRequest } from '../../api/campaignRequests';
import { simplifyScheduleAnswer } from '../../output/simplifyCampaignWrite';
import { koreAiRequest } from '../../transport';
import { optionsField, simplifyField, streamIdOption } from '../common.fields';
import type { CampaignResourceInfo, Operation } from '../types';
import { campaignByNameField, readCampaignName } from './campaignName';

/**
 * Kore.ai "Disable a Scheduled Voice or SMS Campaign API":
 * `POST /campaign/schedule?enableSchedule=false&campaignName={name}`, body `{}`, answer
 * `{status: "success", message: "Campaign <name> schedule has been disabled successfully", id}`.
 * The campaign itself stays; only its schedule is turned off.
 */
export const unscheduleCampaign: Operation<CampaignResourceInfo> = {
	value: 'unschedule',
	name: 'Unschedule',
	action: (resource) => `Unschedule ${resource.label} Campaign`,
	description: (resource) =>
		`Turn off the schedule of ${resource.aCampaign}; the campaign itself is kept`,
	properties: [
		{
			...campaignByNameField,
			description:
				'The campaign whose schedule to turn off: pick it from the list, give its ID (the node looks up its name, which Kore.ai schedules by), or give its name exactly as Kore.ai shows it',
		},
		simplifyField,
		optionsField([streamIdOption]),
	],

	async execute(
		this: IExecuteFunctions,
		itemIndex: number,
		resource: CampaignResourceInfo,
	): Promise<IDataObject> {
		const campaign = await readCampaignName.call(this, itemIndex, resource);
		const answer = await koreAiRequest.call(
			this,
			itemIndex,
			scheduleCampaignRequest({ ...campaign, type: resource.campaignType }, undefined),
		);
		if (!this.getNodeParameter('simplify', itemIndex, true)) return answer;
		return simplifyScheduleAnswer(
			answer,
			{ ...campaign, campaignType: resource.campaignType },
			{ schedulingEnabled: false },
		);
	},
};
