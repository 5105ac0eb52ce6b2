package tr.kopru.console.auth;

/** One person who may sign in to the console: their username, the name shown, their role and password hash. */
public record Operator(String username, String displayName, Role role, String passwordHash) {
}
