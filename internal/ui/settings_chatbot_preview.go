package ui

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/chatbot"
)

// PreviewView is the editor's test pane: the saved script run by the
// same state machine as in chats, against nothing: no chat, no ticket, no
// operator. Its state rides in the form, so a restart is a fresh page.
type PreviewView struct {
	Lines   []PreviewLine
	State   string // the run's position and answers, JSON
	Done    bool
	Choices []string // the answers the last question offers, as buttons
}

// PreviewLine is one message of the pane.
type PreviewLine struct {
	Who, Text string
	Note      bool // what would happen in a real chat
}

type previewState struct {
	At      int            `json:"at"`
	Answers map[int]string `json:"answers"`
	Done    bool           `json:"done"`
	Lines   []PreviewLine  `json:"lines"`
	Choices []string       `json:"choices"`
}

func startPreview(sc chatbot.Script) PreviewView {
	run := chatbot.NewRun(sc.Steps)
	st := previewState{}
	st.play(sc.Name, run, run.Start())
	return st.view(run)
}

// play records what the bot said, and in place of forward and tickets a
// note of what a chat would do; the preview then goes on as if nobody
// were online.
func (st *previewState) play(name string, run *chatbot.Run, out chatbot.Out) {
	st.Choices = nil
	for {
		for _, s := range out.Say {
			st.Lines = append(st.Lines, PreviewLine{Who: name, Text: s.Body})
			st.Choices = nil
			for _, c := range s.Choices {
				st.Choices = append(st.Choices, c.Label)
			}
		}
		switch out.Action {
		case chatbot.DoForward:
			st.Lines = append(st.Lines, PreviewLine{Note: true, Text: "Here the chat goes to an operator when one is online. The preview goes on as if nobody were."})
			out = run.Next()
		case chatbot.DoTicket:
			st.Lines = append(st.Lines, PreviewLine{Note: true, Text: "Here a ticket opens with the answers:\n" + run.Summary()})
			out = run.Next()
		case chatbot.Finished, chatbot.FollowedLink:
			st.Lines = append(st.Lines, PreviewLine{Note: true, Text: "End of the script."})
			return
		default:
			return
		}
	}
}

func (st previewState) view(run *chatbot.Run) PreviewView {
	st.At, st.Answers, st.Done = run.At, run.Answers, run.Done
	raw, _ := json.Marshal(st)
	return PreviewView{Lines: st.Lines, State: string(raw), Done: run.Done, Choices: st.Choices}
}

// settingsChatbotPreview answers the visitor's line typed in the pane, or
// restarts the run.
func (u *UI) settingsChatbotPreview(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sc, err := u.s.Chatbots.Get(r.Context(), id)
	if err != nil {
		return err
	}
	v, err := u.chatbotView(r, id)
	if err != nil {
		return err
	}
	v.Form = chatbotForm(sc)
	var st previewState
	// An answer's button sends "choice"; the box, anything typed.
	input := strings.TrimSpace(r.PostFormValue("choice"))
	if input == "" {
		input = strings.TrimSpace(r.PostFormValue("input"))
	}
	if r.PostFormValue("op") == "restart" || json.Unmarshal([]byte(r.PostFormValue("state")), &st) != nil || input == "" {
		v.Preview = startPreview(sc)
		if r.PostFormValue("op") != "restart" && st.Lines != nil {
			v.Preview = st.view(&chatbot.Run{Steps: sc.Steps, At: st.At, Answers: st.Answers, Done: st.Done})
		}
		return u.render(w, r, http.StatusOK, "settings_chatbot", "", v)
	}
	run := &chatbot.Run{Steps: sc.Steps, At: st.At, Answers: st.Answers, Done: st.Done}
	if run.Answers == nil {
		run.Answers = map[int]string{}
	}
	st.Lines = append(st.Lines, PreviewLine{Who: "You", Text: input})
	st.play(sc.Name, run, run.Input(input))
	v.Preview = st.view(run)
	return u.render(w, r, http.StatusOK, "settings_chatbot", "", v)
}
