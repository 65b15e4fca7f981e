package ui

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/pipeline"
)

// settingsPipelineMove moves a pipeline up or down the list (its
// position), which the board's pipeline tabs and the API follow.
func (u *UI) settingsPipelineMove(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	pos, err := strconv.Atoi(r.PostFormValue("position"))
	if err != nil || pos < 0 {
		return httpx.NewError(http.StatusUnprocessableEntity, "validation", "The position must be 0 or more.")
	}
	if _, err := u.s.Pipelines.Update(r.Context(), id, pipeline.Update{Position: &pos, ActorID: me(r).ID}); err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/pipelines?done=pipeline-moved#pipeline-"+id64(id), http.StatusSeeOther)
	return nil
}
