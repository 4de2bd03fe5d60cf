#pragma once
// One function per place in the flow. Each draws from the kiosk's state and posts intents.
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
void idle_overlay(UiContext& ctx, const IdleState& idle, const ImRect& display);

}  // namespace anteroom::ui
