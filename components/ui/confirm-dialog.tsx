"use client";

import { useId, useRef, useState, useTransition, type ReactNode } from "react";
import { unstable_rethrow } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { cn } from "./cn";

export type ConfirmDialogProps = {
  /** Content of the button that opens the dialog, e.g. "Delete patient". */
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  triggerClassName?: string;
  /** Required when `trigger` is icon-only. */
  triggerAriaLabel?: string;
  title: ReactNode;
  description: ReactNode;
  confirmLabel?: string;
  /** Confirm button text while `onConfirm` runs. */
  pendingLabel?: string;
  cancelLabel?: string;
  confirmVariant?: ButtonVariant;
  /**
   * Runs on confirm; the dialog stays open (buttons disabled) until it settles.
   * May be a Server Action. Throw to keep the dialog open and show the error message.
   */
  onConfirm: () => Promise<void> | void;
  disabled?: boolean;
};

/** Server Action redirects reject the action promise, but they are navigations, not failures. */
function isNavigation(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

/**
 * A confirmation step for consequential actions, built on the native modal
 * `<dialog>`: it traps focus, closes on Escape and is announced as an alert dialog.
 */
export function ConfirmDialog({
  trigger,
  triggerVariant = "outline",
  triggerSize = "md",
  triggerClassName,
  triggerAriaLabel,
  title,
  description,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  confirmVariant = "destructive",
  onConfirm,
  disabled = false,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const t = useTranslations("common");
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const titleId = useId();
  const descriptionId = useId();

  function open() {
    setError(null);
    dialogRef.current?.showModal();
    // Initial focus goes to the safe choice.
    cancelRef.current?.focus();
  }

  function close() {
    dialogRef.current?.close();
  }

  function confirm() {
    setError(null);
    // A transition keeps the pending state until any refreshed server UI has rendered.
    startTransition(async () => {
      try {
        await onConfirm();
        close();
      } catch (err) {
        if (isNavigation(err)) {
          close();
          return;
        }
        console.error(err);
        setError(
          err instanceof Error && err.message
            ? err.message
            : t("actionFailed"),
        );
      }
    });
  }

  return (
    <>
      <Button
        ref={triggerRef}
        type="button"
        variant={triggerVariant}
        size={triggerSize}
        className={triggerClassName}
        aria-label={triggerAriaLabel}
        aria-haspopup="dialog"
        disabled={disabled}
        onClick={open}
      >
        {trigger}
      </Button>
      <dialog
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        // Escape must not abandon an action that is already running.
        onCancel={(event) => {
          if (isPending) event.preventDefault();
        }}
        // Explicitly return focus to the trigger (older browsers do not restore it).
        onClose={() => triggerRef.current?.focus()}
        className={cn(
          "m-auto w-[calc(100%-2rem)] max-w-md overflow-hidden rounded-xl border border-border bg-surface p-0 text-foreground shadow-2xl",
          "open:animate-dialog-in backdrop:animate-fade-in",
        )}
      >
        <div className="px-6 pt-6 pb-5">
          <h2 id={titleId} className="text-lg leading-7 font-semibold">
            {title}
          </h2>
          <div id={descriptionId} className="mt-2 text-sm leading-6 text-muted-foreground">
            {description}
          </div>
          {error ? (
            <p role="alert" className="mt-4 rounded-md border border-danger-border bg-danger-soft px-3 py-2 text-sm text-danger-text">
              {error}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-border bg-muted/50 px-6 py-4 sm:flex-row sm:justify-end">
          <Button ref={cancelRef} type="button" variant="outline" disabled={isPending} onClick={close}>
            {cancelLabel ?? t("cancel")}
          </Button>
          <Button type="button" variant={confirmVariant} pending={isPending} onClick={confirm}>
            {isPending ? (pendingLabel ?? t("working")) : (confirmLabel ?? t("confirm"))}
          </Button>
        </div>
      </dialog>
    </>
  );
}
