package live

import "github.com/frontdesk/frontdesk/internal/chat"

// frame is every frame of the protocol, both ways (docs/chat.md); each
// type uses some of the fields.
type frame struct {
	Type       string      `json:"type"`
	ChatID     int64       `json:"chat_id,omitempty"`
	After      int64       `json:"after,omitempty"`
	ClientID   string      `json:"client_id,omitempty"`
	Body       string      `json:"body,omitempty"`
	Active     *bool       `json:"active,omitempty"`
	First      string      `json:"first,omitempty"`
	Seq        int64       `json:"seq,omitempty"`
	From       string      `json:"from,omitempty"`
	By         string      `json:"by,omitempty"`
	Name       string      `json:"name,omitempty"`
	URL        string      `json:"url,omitempty"`
	Title      string      `json:"title,omitempty"`
	OperatorID int64       `json:"operator_id,omitempty"`
	TeamID     int64       `json:"team_id,omitempty"`
	Code       string      `json:"code,omitempty"`
	Message    any         `json:"message,omitempty"` // *chat.Message out, error text as string
	Chat       *chat.Chat  `json:"chat,omitempty"`
	Status     chat.Status `json:"status,omitempty"`
	Capacity   int         `json:"capacity,omitempty"`
	Active2    *int        `json:"active_chats,omitempty"`
}

func errFrame(code, msg, clientID string) frame {
	return frame{Type: "error", Code: code, Message: msg, ClientID: clientID}
}
