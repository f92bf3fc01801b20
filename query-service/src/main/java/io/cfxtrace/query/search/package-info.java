/**
 * the web UI's search box: what an identifier names in the store (a board, a panel, a reel, a lot,
 * a part number, a work order, a transaction).
 */
@NullMarked
package io.cfxtrace.query.search;

import org.jspecify.annotations.NullMarked;
