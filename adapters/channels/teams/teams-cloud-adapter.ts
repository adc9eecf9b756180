import { type Activity, CloudAdapter, type ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from "botbuilder";

type AuthenticatedRequest = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;

/**
 * CloudAdapter with authentication split from processing. Plain CloudAdapter.process answers
 * 500 for some token failures (a tampered signature, a foreign key with a known kid, a
 * future nbf, alg none, PS256: jsonwebtoken errors are rethrown as they are) and 500 for a
 * failing bot as well; authenticating first lets the route answer every token failure
 * with 401 before anything runs.
 */
export class TeamsCloudAdapter extends CloudAdapter {
  /** Validates the request's JWT for this activity (signature, issuer, audience, expiry, serviceurl claim). */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticatedRequest> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs the bot for an activity whose request was authenticated; resolves to the invoke response, if any. */
  processAuthenticated(request: AuthenticatedRequest, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(request, activity, logic);
  }
}
