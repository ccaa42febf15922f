package io.migtest.sql;

/**
 * A psql feature a script uses that migtest cannot honour when it sends the SQL itself: a
 * meta-command such as {@code \ir} or {@code \copy}, or a variable psql interpolates.
 *
 * @param line the file line where it is used
 * @param text what the script says, e.g. {@code \ir common.sql} or {@code :'owner'}
 * @param variable the name of the interpolated variable, or null when psql is needed whatever is
 *     set (a meta-command, or {@code :{?name}}, which psql always replaces)
 */
public record PsqlFeature(int line, String text, String variable) {}
