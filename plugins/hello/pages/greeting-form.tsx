"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createGreetingAction } from "../actions";
import { greetingInput } from "../schema";

export function GreetingForm() {
  const router = useRouter();
  const t = useTranslations("plugins.hello.form");
  const { register, handleSubmit, formState, reset, setError } = useForm<{ message: string }>({ resolver: zodResolver(greetingInput), defaultValues: { message: "" } });
  return (
    <form
      className="flex items-end gap-3"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        const res = await createGreetingAction(values);
        if (!res.ok) {
          if (res.fieldErrors?.message) setError("message", { message: res.fieldErrors.message });
          toast.error(res.error);
          return;
        }
        toast.success(res.message ?? t("posted"));
        reset();
        router.refresh();
      })}
    >
      <Field id="message" label={t("message")} error={formState.errors.message?.message} className="flex-1">
        {(a) => <Input {...a} {...register("message")} />}
      </Field>
      <Button type="submit" pending={formState.isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
