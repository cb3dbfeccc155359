/**
 * Exports and reports: JSON Lines of conversations, the HTML page and files of a comparison. Used by the command
 * line ({@code app}) and the window ({@code ui}); nothing below them depends on this package.
 */
package org.userlm.workbench.reports;
