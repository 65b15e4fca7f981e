package ui

import (
	"errors"
	"io"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/brand"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/upload"
)

// BrandView is Settings → Brand: name and colour, and the logo.
type BrandView struct {
	SettingsBase
	Brand brand.Brand
	Name  string // as typed
	Color string
}

// logoPolicy is the upload policy for the logo: one image of 1 MB.
var logoPolicy = upload.Policy{MaxSize: brand.MaxLogo, MaxFiles: 1}

func (u *UI) brandPage(w http.ResponseWriter, r *http.Request, status int, v BrandView) error {
	b, err := u.s.Brand.Get(r.Context())
	if err != nil {
		return err
	}
	v.Brand = b
	if status == http.StatusOK {
		v.Name, v.Color = b.Name, b.Color
	}
	return u.render(w, r, status, "settings_brand", "", v)
}

func (u *UI) settingsBrand(w http.ResponseWriter, r *http.Request) error {
	v := BrandView{SettingsBase: u.settingsBase(r, "brand")}
	v.Flash = notice(r)
	return u.brandPage(w, r, http.StatusOK, v)
}

// settingsBrandSave saves the name and the colour.
func (u *UI) settingsBrandSave(w http.ResponseWriter, r *http.Request) error {
	name, color := r.PostFormValue("name"), r.PostFormValue("color")
	_, err := u.s.Brand.Save(r.Context(), name, color)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v := BrandView{SettingsBase: u.settingsBase(r, "brand"), Name: name, Color: color}
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool { return k == "name" || k == "color" })
		return u.brandPage(w, r, http.StatusUnprocessableEntity, v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/brand?done=brand-saved", http.StatusSeeOther)
	return nil
}

// settingsBrandLogo takes a new logo through the upload policy, or
// removes it (remove=1).
func (u *UI) settingsBrandLogo(w http.ResponseWriter, r *http.Request) error {
	if r.PostFormValue("remove") == "1" {
		if err := u.s.Brand.DropLogo(r.Context()); err != nil {
			return err
		}
		http.Redirect(w, r, "/settings/brand?done=logo-removed", http.StatusSeeOther)
		return nil
	}
	err := u.storeLogo(r)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v := BrandView{SettingsBase: u.settingsBase(r, "brand")}
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool { return k == "logo" })
		return u.brandPage(w, r, http.StatusUnprocessableEntity, v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/brand?done=logo-saved", http.StatusSeeOther)
	return nil
}

func (u *UI) storeLogo(r *http.Request) error {
	if r.MultipartForm == nil || len(r.MultipartForm.File["logo"]) != 1 {
		return domain.Invalid("logo", "choose one image file")
	}
	f, refused := logoPolicy.Read("logo", r.MultipartForm.File["logo"][0])
	if refused != nil {
		return domain.Invalid("logo", refused.Message())
	}
	src, err := r.MultipartForm.File["logo"][0].Open()
	if err != nil {
		return err
	}
	defer src.Close()
	data, err := io.ReadAll(io.LimitReader(src, brand.MaxLogo+1))
	if err != nil {
		return err
	}
	return u.s.Brand.SetLogo(r.Context(), f.ContentType, data)
}

// brandLogo serves the logo to the settings page's preview.
func (u *UI) brandLogo(w http.ResponseWriter, r *http.Request) error {
	data, ctype, err := u.s.Brand.Logo(r.Context())
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	_, err = w.Write(data)
	return err
}
