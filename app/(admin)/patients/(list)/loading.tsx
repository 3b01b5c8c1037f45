import { PageLoading } from "@/app/(admin)/_components/page-loading";

export default PageLoading;
