import { createOperation } from './createCampaign';

/**
 * Kore.ai "Create SMS Campaign (Without SMS Template) API - v2", "... (Using Template)" and
 * "... (Advanced Format)": `POST /campaign?accountId=..&campaignType=sms` with `message: {message}`
 * (the SMS text, base64) or `message: {template_name, message}`; see createCampaign.ts for the
 * steps, settings/ for the fields and campaignBody.ts for the body.
 */
export const createSmsCampaign = createOperation(
	'sms',
	(resource) =>
		`Create an ${resource.label} campaign for contact lists, from message text or an approved template. Kore.ai prepares it first (status Preparing); start it once it is Ready.`,
);
