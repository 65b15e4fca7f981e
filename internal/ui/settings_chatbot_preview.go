package ui

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/chatbot"
)

// PreviewView is the editor's test pane: the saved script run by the
// same state machine as in chats, against nothing: no chat, no ticket, no
// operator. Its state rides in the form, so a restart is a fresh page.
type PreviewView struct {
	Lines []PreviewLine
	State string // the run's position and answers, JSON
	Done  bool
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
	for {
		for _, s := range out.Say {
			text := s.Body
			for i, c := range s.Choices {
				text += "\n" + strconv.Itoa(i+1) + ". " + c
			}
			st.Lines = append(st.Lines, PreviewLine{Who: name, Text: text})
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
	return PreviewView{Lines: st.Lines, State: string(raw), Done: run.Done}
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
	v := ChatbotView{SettingsBase: u.settingsBase(r, "chatbots"), ID: id, Form: chatbotForm(sc)}
	var st previewState
	input := strings.TrimSpace(r.PostFormValue("input"))
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
