package dev.dovetail.web.account;

import dev.dovetail.account.domain.Credential;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.payment.port.in.ProviderPayments;
import dev.dovetail.web.Services;
import dev.dovetail.web.WebOptions;
import dev.dovetail.web.http.OperationHandlers;
import io.vertx.ext.web.handler.SessionHandler;

/**
 * The account operations: sign-up and invitations, log-in and log-out, the provider's profile, password, logo and
 * embed settings, API tokens, app passwords and the CalDAV login.
 */
public final class AccountApi {

  private AccountApi() {}

  public static void register(OperationHandlers operations, Services.Accounts accounts, ManageCatalog catalog,
      ProviderPayments payments, WebOptions options, SessionHandler sessions) {
    SignUpHandler signUp = new SignUpHandler(accounts.registration(), options.signUp());
    InvitationsHandler invitations = new InvitationsHandler(options.signUp());
    LoginHandler login = new LoginHandler(accounts.authenticate(), sessions, options.sessionSeal());
    MeHandler me = new MeHandler(catalog, payments);
    AccountHandler account = new AccountHandler(accounts.settings(), payments);
    EmbedSettingsHandler embed = new EmbedSettingsHandler(catalog, accounts.settings(), options.publicUrl());
    CredentialsHandler apiTokens = new CredentialsHandler(accounts.credentials(), Credential.Kind.API_TOKEN);
    CredentialsHandler appPasswords = new CredentialsHandler(accounts.credentials(), Credential.Kind.APP_PASSWORD);
    CalDavLoginHandler calDavLogin = new CalDavLoginHandler(accounts.credentials(), options.publicUrl());
    operations
        .on("signUp", signUp::signUp)
        .on("issueInvitation", invitations::issue)
        .on("login", login::login)
        .on("logout", login::logout)
        .on("getCsrfToken", login::csrf)
        .on("getMe", me::get)
        .on("updateMe", account::updateMe)
        .on("changePassword", account::changePassword)
        .on("setLogo", account::setLogo)
        .on("removeLogo", account::removeLogo)
        .on("requestPasswordReset", account::requestPasswordReset)
        .on("resetPassword", account::resetPassword)
        .on("getEmbedSettings", embed::get)
        .on("updateEmbedSettings", embed::update)
        .on("listApiTokens", apiTokens::list)
        .on("issueApiToken", apiTokens::issue)
        .on("revokeApiToken", apiTokens::revoke)
        .on("listAppPasswords", appPasswords::list)
        .on("issueAppPassword", appPasswords::issue)
        .on("revokeAppPassword", appPasswords::revoke)
        .on("getCalDavLogin", calDavLogin::get)
        .on("setCalDavLogin", calDavLogin::put);
  }
}
