/** Notification pages: the list, e-mail settings, unsubscribe, what I follow. */
package org.participe.notifications.ui;
