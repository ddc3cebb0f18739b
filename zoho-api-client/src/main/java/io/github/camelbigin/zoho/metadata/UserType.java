package io.github.camelbigin.zoho.metadata;


/** Which users a read of users lists; the constants are spelled as Zoho's {@code type} parameter spells them. */
public enum UserType {
    AllUsers, ActiveUsers, DeactiveUsers, ConfirmedUsers, NotConfirmedUsers, DeletedUsers, ActiveConfirmedUsers,
    AdminUsers, ActiveConfirmedAdmins, CurrentUser
}
