import { createOperation } from './createCampaign';

/**
 * Kore.ai "Create Voice Campaign API - Agentless Mode - v2": `POST /campaign?accountId=..&campaignType=voice`,
 * `dialingMode: "Agentless"` (the experience flow talks, no agents). v2 requires `dncLists`,
 * `experienceFlowName`, `enableMachineDetect` (no/detect/disconnect) and the dialing settings
 * (dialing order, attempts 1-100, retry period 1-1440 min, ring time 5-120 s), which default to
 * the documented sample's values. See createCampaign.ts, settings/ and campaignBody.ts.
 */
export const createVoiceCampaign = createOperation(
	'voice',
	(resource) =>
		`Create an agentless ${resource.label} campaign: an experience flow (bot) calls the contact lists. Kore.ai prepares it first (status Preparing); start it once it is Ready.`,
);
