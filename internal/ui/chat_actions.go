package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// chatAction runs one of the chat page's buttons (Take, Leave, End,
// Transfer) as a form post, so they work without script too; chats.js
// sends the same as socket frames when it can.
func (u *UI) chatAction(do func(r *http.Request, id int64) (chat.Chat, error)) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		if _, err := do(r, id); err != nil {
			return err
		}
		http.Redirect(w, r, "/chats/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
		return nil
	}
}

func (u *UI) chatTake(r *http.Request, id int64) (chat.Chat, error) {
	return u.s.Chats.Take(r.Context(), id, me(r).ID)
}

func (u *UI) chatLeave(r *http.Request, id int64) (chat.Chat, error) {
	return u.s.Chats.LeaveChat(r.Context(), id, me(r).ID)
}

func (u *UI) chatEnd(r *http.Request, id int64) (chat.Chat, error) {
	return u.s.Chats.End(r.Context(), id)
}

// chatTransfer hands the chat to an operator ("op:3") or a team ("team:2").
func (u *UI) chatTransfer(r *http.Request, id int64) (chat.Chat, error) {
	var op, team int64
	kind, rest, _ := strings.Cut(r.PostFormValue("to"), ":")
	n, _ := strconv.ParseInt(rest, 10, 64)
	switch kind {
	case "op":
		op = n
	case "team":
		team = n
	}
	return u.s.Chats.TransferTo(r.Context(), id, me(r).ID, op, team)
}
