"use client";
// Last line of defence around one plugin widget: an error thrown while rendering deeper parts of the
// widget (its nested components, client or server) shows the fallback instead of taking the page
// down. Errors of the widget's own body are already caught and logged on the server (widget-zone.tsx).
import { Component, type ReactNode } from "react";

type Props = { fallback: ReactNode; children: ReactNode };

export class WidgetErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
