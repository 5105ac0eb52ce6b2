package tr.kopru.console.auth;

/** What an operator may do: a viewer sees every page; an operator also acts (asks, settles, acknowledges, replays). */
public enum Role {
    VIEWER, OPERATOR;

    public boolean mayAct() {
        return this == OPERATOR;
    }
}
