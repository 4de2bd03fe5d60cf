#pragma once
// One function per place in the flow. Each draws from the kiosk's state and posts intents.
#include <map>
#include <string_view>

#include "core/kiosk.hpp"
#include "ui/widgets.hpp"

namespace anteroom::ui {

void attract_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display);
void language_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display);
void home_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display);
void module_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display);
void end_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display);
void preparing_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display);
void language_picker(UiContext& ctx, const Kiosk& kiosk, const ImRect& display);
void settings_panel(UiContext& ctx, const Kiosk& kiosk, const ImRect& display);
void idle_overlay(UiContext& ctx, const IdleState& idle, const ImRect& display);

// What each screen kind draws below its title and intro, by kind name: one for every kind
// core/screen_kinds.hpp declares (a test holds them to that).
using DrawKind = void (*)(UiContext& ctx, const Kiosk& kiosk, const ShownScreen& screen, float width);
const std::map<std::string_view, DrawKind>& kind_drawers();

}  // namespace anteroom::ui
